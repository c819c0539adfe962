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
  const t = (key: string) => translate(`resources.webhooks.${key}`);
  // Endpoints number in the tens at most: the API returns them all at once.
  const { data = [] } = useGetList<WebhookRecord>("webhooks", { pagination: { page: 1, perPage: 100 }, sort: { field: "createdAt", order: "DESC" } });
  const stopped = data.filter((w) => w.disabledReason === "FAILING" || w.disabledReason === "GONE");
  if (!stopped.length) return null;
  return (
    <>
      <Typography variant="h6" sx={{ mt: 2 }}>
        {t("compliance.title")}
      </Typography>
      <Alert severity="error" sx={{ my: 1 }}>
        {t("compliance.intro")}
      </Alert>
      <Table size="small" data-testid="stopped-webhooks" sx={{ mb: 3 }}>
        <TableHead>
          <TableRow>
            <TableCell>{t("fields.url")}</TableCell>
            <TableCell>{t("fields.state")}</TableCell>
            <TableCell>{t("fields.failingSince")}</TableCell>
            <TableCell>{t("compliance.stopped_at")}</TableCell>
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
