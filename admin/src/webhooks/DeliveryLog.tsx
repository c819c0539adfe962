import KeyboardArrowDownIcon from "@mui/icons-material/KeyboardArrowDown";
import KeyboardArrowUpIcon from "@mui/icons-material/KeyboardArrowUp";
import { Box, Chip, Collapse, IconButton, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from "@mui/material";
import { useState } from "react";
import { Link, useDataProvider, useTranslate } from "react-admin";
import { LoadMore, useConnection } from "../connections";
import type { ResearchDeskDataProvider } from "../dataProvider";
import type { WebhookDeliveryStatus } from "../gql/graphql";
import { StepButton } from "../reports/StepButton";
import { formatSeoul } from "../time";
import type { WebhookDelivery, WebhookRecord } from "./operations";

const STATUSES: WebhookDeliveryStatus[] = ["PENDING", "DELIVERED", "FAILED"];
const STATUS_COLORS: Record<WebhookDeliveryStatus, "warning" | "success" | "error"> = { PENDING: "warning", DELIVERED: "success", FAILED: "error" };
/** Pending deliveries change by themselves (retries): the log reads itself again this often. */
const REFETCH_MS = 5_000;

function AttemptLog({ delivery }: { delivery: WebhookDelivery }) {
  const translate = useTranslate();
  const t = (key: string) => translate(`resources.webhooks.deliveries.${key}`);
  if (!delivery.attemptLog.length) return <Typography variant="body2" sx={{ py: 1 }}>{t("no_attempts")}</Typography>;
  return (
    <Table size="small" data-testid="attempt-log">
      <TableHead>
        <TableRow>
          <TableCell>{t("attempt")}</TableCell>
          <TableCell>{t("at")}</TableCell>
          <TableCell>{t("status_code")}</TableCell>
          <TableCell>{t("duration")}</TableCell>
          <TableCell>{t("error")}</TableCell>
          <TableCell>{t("response")}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {delivery.attemptLog.map((a) => (
          <TableRow key={a.id} data-testid="attempt" data-attempt={a.attempt} data-status-code={a.statusCode ?? undefined} sx={{ verticalAlign: "top" }}>
            <TableCell>{a.attempt}</TableCell>
            <TableCell>{formatSeoul(a.at)}</TableCell>
            <TableCell>{a.statusCode ?? t("no_answer")}</TableCell>
            <TableCell>{translate("resources.webhooks.deliveries.duration_ms", { ms: a.durationMs })}</TableCell>
            <TableCell sx={{ overflowWrap: "anywhere" }}>{a.error ?? ""}</TableCell>
            <TableCell>
              {a.responseHead && (
                <Box component="pre" sx={{ m: 0, maxHeight: 200, maxWidth: 560, overflow: "auto", fontSize: "0.75rem", whiteSpace: "pre-wrap", wordBreak: "break-all" }}>
                  {a.responseHead}
                </Box>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function DeliveryRow({ delivery, webhook }: { delivery: WebhookDelivery; webhook: WebhookRecord }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ResearchDeskDataProvider>();
  const [open, setOpen] = useState(false);
  const eventId = delivery.eventId;
  return (
    <>
      <TableRow data-testid="delivery" data-delivery={delivery.id} data-type={delivery.type} data-status={delivery.status} data-event={eventId ?? undefined}>
        <TableCell padding="checkbox">
          <IconButton size="small" aria-label={translate("resources.webhooks.deliveries.show_attempts")} onClick={() => setOpen(!open)} data-testid="show-attempts">
            {open ? <KeyboardArrowUpIcon /> : <KeyboardArrowDownIcon />}
          </IconButton>
        </TableCell>
        <TableCell>{translate(`resources.webhooks.eventTypes.${delivery.type}`, { _: delivery.type })}</TableCell>
        <TableCell>{delivery.report ? <Link to={`/reports/${delivery.report.id}/show`}>{delivery.report.title}</Link> : "—"}</TableCell>
        <TableCell>
          <Chip
            size="small"
            color={STATUS_COLORS[delivery.status]}
            label={translate(`resources.webhooks.deliveries.statuses.${delivery.status}`)}
            data-testid="delivery-status"
          />
        </TableCell>
        <TableCell data-testid="delivery-attempts">{delivery.attempts}</TableCell>
        <TableCell>{formatSeoul(delivery.nextAttemptAt)}</TableCell>
        <TableCell sx={{ overflowWrap: "anywhere" }}>{delivery.lastError ?? delivery.lastStatusCode ?? ""}</TableCell>
        <TableCell>{formatSeoul(delivery.createdAt)}</TableCell>
        <TableCell>
          {eventId && (
            <StepButton
              label="resources.webhooks.actions.redeliver"
              testId="redeliver"
              done="redeliver"
              disabled={!webhook.enabled}
              run={() => dataProvider.redeliverWebhookEvent(webhook.id, eventId)}
            />
          )}
        </TableCell>
      </TableRow>
      <TableRow>
        <TableCell colSpan={9} sx={{ py: 0, ...(open ? {} : { borderBottom: "none" }) }}>
          <Collapse in={open} unmountOnExit>
            <AttemptLog delivery={delivery} />
          </Collapse>
        </TableCell>
      </TableRow>
    </>
  );
}

/** An endpoint's deliveries, newest first, a page at a time, of one status or of all. */
export function DeliveryLog({ webhook }: { webhook: WebhookRecord }) {
  const translate = useTranslate();
  const t = (key: string) => translate(`resources.webhooks.deliveries.${key}`);
  const dataProvider = useDataProvider<ResearchDeskDataProvider>();
  const [status, setStatus] = useState<WebhookDeliveryStatus | null>(null);
  const list = useConnection(
    ["webhookDeliveries", webhook.id, status],
    (after) => dataProvider.webhookDeliveries(webhook.id, after, status),
    REFETCH_MS,
  );
  return (
    <Box sx={{ mt: 3, wordBreak: "keep-all" }} data-testid="delivery-log">
      <Stack direction="row" spacing={2} sx={{ alignItems: "center", mb: 1 }}>
        <Typography variant="h6">{t("title")}</Typography>
        <TextField
          select
          size="small"
          label={t("status")}
          value={status ?? ""}
          onChange={(e) => setStatus(STATUSES.find((s) => s === e.target.value) ?? null)}
          sx={{ width: 200 }}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true }, htmlInput: { "data-testid": "delivery-status-filter" } }}
        >
          <option value="">{t("all")}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
        </TextField>
      </Stack>
      {list.loaded && list.nodes.length === 0 && <Typography>{t("empty")}</Typography>}
      {list.nodes.length > 0 && (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell />
              <TableCell>{t("type")}</TableCell>
              <TableCell>{t("report")}</TableCell>
              <TableCell>{t("status")}</TableCell>
              <TableCell>{t("attempts")}</TableCell>
              <TableCell>{t("next_attempt")}</TableCell>
              <TableCell>{t("last_answer")}</TableCell>
              <TableCell>{t("created")}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {list.nodes.map((delivery) => (
              <DeliveryRow key={delivery.id} delivery={delivery} webhook={webhook} />
            ))}
          </TableBody>
        </Table>
      )}
      <LoadMore list={list} />
    </Box>
  );
}
