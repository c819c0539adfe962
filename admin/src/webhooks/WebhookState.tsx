import { Chip } from "@mui/material";
import { useTranslate } from "react-admin";
import type { WebhookRecord } from "./operations";

/** Enabled, or stopped with the reason in words: red when the server stopped it, grey when an admin did. */
export function WebhookState({ webhook }: { webhook: Pick<WebhookRecord, "enabled" | "disabledReason"> }) {
  const translate = useTranslate();
  const reason = webhook.disabledReason;
  return (
    <Chip
      size="small"
      color={webhook.enabled ? "success" : reason === "MANUAL" ? "default" : "error"}
      label={translate(webhook.enabled || !reason ? "resources.webhooks.enabled" : `resources.webhooks.reasons.${reason}`)}
      data-testid="webhook-state"
      data-enabled={String(webhook.enabled)}
      data-reason={reason ?? undefined}
      sx={{ height: "auto", "& .MuiChip-label": { whiteSpace: "normal", wordBreak: "keep-all" } }}
    />
  );
}

/** The chosen event types in words, or "every type". */
export function EventTypes({ types }: { types: readonly string[] | null }) {
  const translate = useTranslate();
  if (!types?.length) return <span>{translate("resources.webhooks.all.eventTypes")}</span>;
  return <span data-testid="event-types">{types.map((type) => translate(`resources.webhooks.eventTypes.${type}`, { _: type })).join(", ")}</span>;
}
