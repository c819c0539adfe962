import { Alert, Table, TableBody, TableCell, TableHead, TableRow, Typography } from "@mui/material";
import { Link, useGetList, useTranslate } from "react-admin";
import { formatSeoul } from "../time";
import type { WebhookRecord } from "../webhooks/operations";
import { WebhookState } from "../webhooks/WebhookState";

/**
 * Endpoints the server stopped (410 Gone, or failing for 3 days): the clients behind them are not
 * told of publications, corrections or retractions until an admin turns them back on. Endpoints
 * an admin switched off are not listed: that was a decision, not a failure.
 */
export function StoppedWebhooks() {
  const translate = useTranslate();
  // Endpoints number in the tens at most: the API returns them all at once.
  const { data = [] } = useGetList<WebhookRecord>("webhooks", { pagination: { page: 1, perPage: 100 }, sort: { field: "createdAt", order: "DESC" } });
  const stopped = data.filter((w) => w.disabledReason === "FAILING" || w.disabledReason === "GONE");
  if (!stopped.length) return null;
  return (
    <>
      <Typography variant="h6" sx={{ mt: 2 }}>
        {translate("resources.webhooks.compliance.title")}
      </Typography>
      <Alert severity="error" sx={{ my: 1 }}>
        {translate("resources.webhooks.compliance.intro")}
      </Alert>
      <Table size="small" data-testid="stopped-webhooks" sx={{ mb: 3 }}>
        <TableHead>
          <TableRow>
            <TableCell>{translate("resources.webhooks.fields.url")}</TableCell>
            <TableCell>{translate("resources.webhooks.fields.state")}</TableCell>
            <TableCell>{translate("resources.webhooks.fields.failingSince")}</TableCell>
            <TableCell>{translate("resources.webhooks.compliance.stopped_at")}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {stopped.map((w) => (
            <TableRow key={w.id} data-testid="stopped-webhook" data-webhook={w.id}>
              <TableCell sx={{ overflowWrap: "anywhere" }}>
                <Link to={`/webhooks/${w.id}/show`}>{w.description || w.url}</Link>
                {w.description && (
                  <Typography variant="caption" sx={{ display: "block" }}>
                    {w.url}
                  </Typography>
                )}
              </TableCell>
              <TableCell>
                <WebhookState webhook={w} />
              </TableCell>
              <TableCell>{formatSeoul(w.failingSince)}</TableCell>
              <TableCell>{formatSeoul(w.disabledAt)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
