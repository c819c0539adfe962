import { Card, CardContent, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from "@mui/material";
import { Link, Title, useDataProvider, useTranslate } from "react-admin";
import { LoadMore, useConnection } from "../connections";
import type { ResearchDeskDataProvider } from "../dataProvider";
import { formatSeoul } from "../time";

/** New reports and corrections waiting for a reviewer, oldest first. */
export function ReviewQueue() {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ResearchDeskDataProvider>();
  const queue = useConnection(["reviewQueue"], (after) => dataProvider.reviewQueue(after));
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
                <TableCell />
                <TableCell>{translate("review.submitted")}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {items.map((item) => (
                <TableRow key={item.reportId}>
                  <TableCell>
                    <Link to={`/review/${item.reportId}`}>{item.title}</Link>
                  </TableCell>
                  <TableCell>{item.report.firm.name}</TableCell>
                  <TableCell>
                    <Chip size="small" label={translate(item.correction ? "review.correction" : "review.new_report")} sx={{ mr: 1 }} />
                    <Chip size="small" color={item.differsFromCurrent ? "warning" : "success"} label={translate(item.differsFromCurrent ? "review.differs" : "review.same")} />
                  </TableCell>
                  <TableCell>{formatSeoul(item.submittedAt)}</TableCell>
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
