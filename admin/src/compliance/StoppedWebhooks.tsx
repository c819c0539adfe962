import { Alert, Table, TableBody, TableCell, TableHead, TableRow, Typography } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { Link, useDataProvider, useTranslate } from "react-admin";
import type { ResearchDeskDataProvider } from "../dataProvider";
import { formatSeoul } from "../time";
import { WebhookState } from "../webhooks/WebhookState";
import type { StoppedWebhook } from "./operations";

function Endpoint({ webhook, admin }: { webhook: StoppedWebhook; admin: boolean }) {
  const name = webhook.description || webhook.host;
  return (
    <>
      {admin ? <Link to={`/webhooks/${webhook.id}/show`}>{name}</Link> : name}
      {webhook.description && (
        <Typography variant="caption" sx={{ display: "block" }}>
          {webhook.host}
        </Typography>
      )}
    </>
  );
}

/**
 * Endpoints the server stopped (410 Gone, or failing for 3 days): the clients behind them are not
 * told of publications, corrections or retractions until an admin turns them back on. Every staff
 * member sees them, with the host rather than the URL; admins get a link to the endpoint. Endpoints
 * an admin switched off are not listed: that was a decision, not a failure.
 */
export function StoppedWebhooks({ admin }: { admin: boolean }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ResearchDeskDataProvider>();
  const { data: stopped = [] } = useQuery({ queryKey: ["stoppedWebhooks"], queryFn: () => dataProvider.stoppedWebhooks() });
  if (!stopped.length) return null;
  return (
    <>
      <Typography variant="h6" sx={{ mt: 2 }}>
        {translate("resources.webhooks.compliance.title")}
      </Typography>
      <Alert severity="error" sx={{ my: 1 }}>
        {translate("resources.webhooks.compliance.intro")} {!admin && translate("resources.webhooks.compliance.ask_admin")}
      </Alert>
      <Table size="small" data-testid="stopped-webhooks" sx={{ mb: 3 }}>
        <TableHead>
          <TableRow>
            <TableCell>{translate("resources.webhooks.compliance.endpoint")}</TableCell>
            <TableCell>{translate("resources.webhooks.fields.state")}</TableCell>
            <TableCell>{translate("resources.webhooks.compliance.last_error")}</TableCell>
            <TableCell>{translate("resources.webhooks.fields.failingSince")}</TableCell>
            <TableCell>{translate("resources.webhooks.compliance.stopped_at")}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {stopped.map((w) => (
            <TableRow key={w.id} data-testid="stopped-webhook" data-webhook={w.id}>
              <TableCell sx={{ overflowWrap: "anywhere" }}>
                <Endpoint webhook={w} admin={admin} />
              </TableCell>
              <TableCell>
                <WebhookState webhook={{ enabled: false, disabledReason: w.disabledReason }} />
              </TableCell>
              <TableCell sx={{ overflowWrap: "anywhere" }}>{w.lastError ?? "-"}</TableCell>
              <TableCell>{formatSeoul(w.failingSince)}</TableCell>
              <TableCell>{formatSeoul(w.disabledAt)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
