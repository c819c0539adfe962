import { Card, CardContent, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from "@mui/material";
import { Link, Title, useDataProvider, useTranslate } from "react-admin";
import { LoadMore, useConnection } from "../connections";
import type { ResearchDeskDataProvider } from "../dataProvider";
import { formatSeoul } from "../time";

/**
 * How often the queue reads itself again. Submissions send no event on the /events stream (it
 * carries what clients can read, and schedules), so the queue polls.
 */
const REFRESH_MS = 15_000;

const MINUTE = 60_000;

/** "for 5 minutes", "for 3 hours", "for 2 days": how long an item has waited, coarsely. */
function waited(since: string, translate: ReturnType<typeof useTranslate>): string {
  const minutes = Math.max(0, Math.floor((Date.now() - new Date(since).getTime()) / MINUTE));
  if (minutes < 60) return translate("review.waited_minutes", { smart_count: minutes });
  if (minutes < 48 * 60) return translate("review.waited_hours", { smart_count: Math.floor(minutes / 60) });
  return translate("review.waited_days", { smart_count: Math.floor(minutes / (24 * 60)) });
}

/** New reports and corrections waiting for a reviewer, oldest first; it refreshes by itself. */
export function ReviewQueue() {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ResearchDeskDataProvider>();
  const queue = useConnection(["reviewQueue"], (after) => dataProvider.reviewQueue(after), REFRESH_MS);
  const items = queue.nodes;
  return (
    <Card>
      <Title title={translate("review.title")} />
      <CardContent>
        {queue.loaded && items.length === 0 && <Typography>{translate("review.empty")}</Typography>}
        {items.length > 0 && (
          <Table size="small" data-testid="review-queue">
            <TableHead>
              <TableRow>
                <TableCell>{translate("resources.reports.fields.title")}</TableCell>
                <TableCell>{translate("resources.reports.fields.firm")}</TableCell>
                <TableCell>{translate("review.author")}</TableCell>
                <TableCell />
                <TableCell>{translate("review.waiting_since")}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {items.map((item) => (
                <TableRow key={item.reportId} data-testid="review-item" data-report-id={item.reportId}>
                  <TableCell>
                    <Link to={`/review/${item.reportId}`}>{item.title}</Link>
                  </TableCell>
                  <TableCell>{item.report.firm.name}</TableCell>
                  <TableCell data-testid="review-author">{item.author?.name ?? "—"}</TableCell>
                  <TableCell>
                    <Chip size="small" label={translate(item.correction ? "review.correction" : "review.new_report")} sx={{ mr: 1 }} />
                    <Chip size="small" color={item.differsFromCurrent ? "warning" : "success"} label={translate(item.differsFromCurrent ? "review.differs" : "review.same")} />
                  </TableCell>
                  <TableCell data-testid="review-waiting">
                    {formatSeoul(item.submittedAt)}
                    <Typography variant="body2" color="text.secondary">
                      {waited(item.submittedAt, translate)}
                    </Typography>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        <LoadMore list={queue} />
      </CardContent>
    </Card>
  );
}
