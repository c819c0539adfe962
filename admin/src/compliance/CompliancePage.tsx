import { Card, CardContent, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from "@mui/material";
import { Link, Title, useDataProvider, useTranslate } from "react-admin";
import { LoadMore, useConnection } from "../connections";
import type { ResearchDeskDataProvider } from "../dataProvider";
import { formatSeoul } from "../time";

/**
 * Live or scheduled reports with an outdated disclaimer, schedules the scheduler stopped, and live
 * rows the database's gate would refuse today.
 */
export function CompliancePage() {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ResearchDeskDataProvider>();
  const list = useConnection(["complianceIssues"], (after) => dataProvider.complianceIssues(after, null));
  const issues = list.nodes;
  return (
    <Card>
      <Title title={translate("compliance.title")} />
      <CardContent>
        {list.loaded && issues.length === 0 && <Typography>{translate("compliance.empty")}</Typography>}
        {issues.length > 0 && (
          <Table size="small" data-testid="compliance-issues">
            <TableHead>
              <TableRow>
                <TableCell>{translate("resources.reports.fields.title")}</TableCell>
                <TableCell>{translate("compliance.kind")}</TableCell>
                <TableCell>{translate("resources.reports.fields.status")}</TableCell>
                <TableCell />
                <TableCell>{translate("compliance.since")}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {issues.map((issue) => (
                <TableRow key={`${issue.reportId}-${issue.kind}`}>
                  <TableCell>
                    <Link to={`/reports/${issue.reportId}/show`}>{issue.report.title}</Link>
                    <Typography variant="caption" sx={{ display: "block" }}>
                      {issue.report.firm.name}
                    </Typography>
                  </TableCell>
                  <TableCell>
                    <Chip size="small" color={issue.kind === "OUTDATED_DISCLAIMER" ? "warning" : "error"} label={translate(`compliance.${issue.kind}`)} />
                    {issue.rule && (
                      <Typography variant="caption" sx={{ display: "block" }} data-rule={issue.rule}>
                        {translate(`compliance.rules.${issue.rule}`, { _: issue.rule })}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>{translate(`status.${issue.report.status}`)}</TableCell>
                  <TableCell>
                    {translate("compliance.versions", { attached: issue.disclaimer?.templateVersion ?? "-", current: issue.currentTemplate?.version ?? "-" })}
                    {issue.reason && (
                      <Typography variant="caption" sx={{ display: "block" }}>
                        {issue.reason}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>{formatSeoul(issue.since)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        <LoadMore list={list} />
      </CardContent>
    </Card>
  );
}
