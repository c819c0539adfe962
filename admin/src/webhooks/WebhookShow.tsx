import { Alert } from "@mui/material";
import { useState } from "react";
import { EditButton, Labeled, Show, SimpleShowLayout, TextField, TopToolbar, useDataProvider, useRecordContext, useTranslate } from "react-admin";
import type { ResearchDeskDataProvider } from "../dataProvider";
import { StepButton } from "../reports/StepButton";
import { SeoulDateField } from "../time";
import { DeliveryLog } from "./DeliveryLog";
import type { WebhookRecord } from "./operations";
import { ReferenceNames } from "./ReferenceNames";
import { SecretDialog } from "./SecretDialog";
import { EventTypes, WebhookState } from "./WebhookState";

/** A new secret after a confirmation; it is shown once, with until when the old one still signs. */
function RotateSecretButton({ webhook }: { webhook: WebhookRecord }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ResearchDeskDataProvider>();
  const [rotated, setRotated] = useState<{ secret: string; previousSecretUntil: string | null } | null>(null);
  return (
    <>
      <StepButton
        label="resources.webhooks.actions.rotate"
        testId="rotate-secret"
        done="rotate_secret"
        run={async () => {
          const { secret, webhook: after } = await dataProvider.rotateWebhookSecret(webhook.id);
          setRotated({ secret, previousSecretUntil: after.previousSecretUntil ?? null });
        }}
        dialog={{ title: translate("resources.webhooks.actions.rotate"), body: translate("resources.webhooks.actions.rotate_body") }}
      />
      {rotated && <SecretDialog secret={rotated.secret} previousSecretUntil={rotated.previousSecretUntil} onClose={() => setRotated(null)} />}
    </>
  );
}

function WebhookActions() {
  const webhook = useRecordContext<WebhookRecord>();
  const dataProvider = useDataProvider<ResearchDeskDataProvider>();
  if (!webhook) return null;
  return (
    <TopToolbar>
      <StepButton
        label="resources.webhooks.actions.send_test"
        testId="send-test"
        done="send_test"
        disabled={!webhook.enabled}
        run={() => dataProvider.sendTestWebhook(webhook.id)}
      />
      <RotateSecretButton webhook={webhook} />
      <EditButton />
    </TopToolbar>
  );
}

function WebhookDetails() {
  const webhook = useRecordContext<WebhookRecord>();
  const translate = useTranslate();
  if (!webhook) return null;
  return (
    <>
      {!webhook.enabled && (
        <Alert severity={webhook.disabledReason === "MANUAL" ? "info" : "error"} sx={{ mx: 2, mt: 2 }} data-testid="stopped-alert">
          {translate(`resources.webhooks.reasons.${webhook.disabledReason ?? "MANUAL"}`)} · {translate("resources.webhooks.disabled_hint")}
        </Alert>
      )}
      <SimpleShowLayout>
        <TextField source="url" sx={{ overflowWrap: "anywhere" }} />
        <TextField source="description" />
        <Labeled source="eventTypes">
          <EventTypes types={webhook.eventTypes ?? null} />
        </Labeled>
        <Labeled source="firmIds">
          <ReferenceNames source="firmIds" reference="firms" />
        </Labeled>
        <Labeled source="sectorTagIds">
          <ReferenceNames source="sectorTagIds" reference="sectorTags" />
        </Labeled>
        <Labeled source="state">
          <WebhookState webhook={webhook} />
        </Labeled>
        {webhook.failingSince && <SeoulDateField source="failingSince" />}
        {webhook.secretRotatedAt && <SeoulDateField source="secretRotatedAt" />}
        <SeoulDateField source="createdAt" />
        <DeliveryLog webhook={webhook} />
      </SimpleShowLayout>
    </>
  );
}

/** One endpoint: its filters and state, test and rotation, and its delivery log. */
export function WebhookShow() {
  return (
    <Show actions={<WebhookActions />} sx={{ wordBreak: "keep-all" }}>
      <WebhookDetails />
    </Show>
  );
}
