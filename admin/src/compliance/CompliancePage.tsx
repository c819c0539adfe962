import { Card, CardContent, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from "@mui/material";
import { Link, Title, useDataProvider, useGetList, usePermissions, useTranslate } from "react-admin";
import { useSearchParams } from "react-router-dom";
import { hasRole } from "../authProvider";
import { LoadMore, useConnection } from "../connections";
import type { ResearchDeskDataProvider } from "../dataProvider";
import type { FirmRecord } from "../firms/operations";
import { StepButton } from "../reports/StepButton";
import { formatSeoul } from "../time";
import type { ComplianceIssue } from "./operations";
import { RenewAll } from "./RenewAll";
import { StoppedWebhooks } from "./StoppedWebhooks";

/** The report's correction, if any: a renewal when it already carries the firm's current version. */
function CorrectionState({ issue }: { issue: ComplianceIssue }) {
  const translate = useTranslate();
  const copy = issue.report.workingCopy;
  if (!copy) return null;
  const renewal = copy.disclaimer !== null && copy.disclaimer.templateVersion === issue.currentTemplate?.version;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={renewal ? "info" : "default"}
      label={translate(renewal ? "compliance.renewal_in_progress" : "compliance.correction", {
        status: translate(`status.${copy.status}`),
        version: copy.disclaimer?.templateVersion ?? "-",
      })}
      data-testid="correction-state"
      data-status={copy.status}
      data-renewal={String(renewal)}
    />
  );
}

/**
 * Whether attaching the current disclaimer is the way on for this row: a live or scheduled report
 * gets a correction carrying it (a renewal), a blocked schedule gets it re-attached. Not while a
 * correction is in review (the server refuses), nor when the correction already carries it.
 */
function renewable(issue: ComplianceIssue): boolean {
  const { status, workingCopy: copy } = issue.report;
  if (issue.currentTemplate === null || copy?.status === "IN_REVIEW") return false;
  if (copy?.disclaimer && copy.disclaimer.templateVersion === issue.currentTemplate.version) return false;
  return issue.kind === "BLOCKED_SCHEDULE" ? status === "APPROVED" : ["PUBLISHED", "SCHEDULED"].includes(status);
}

function RenewButton({ issue }: { issue: ComplianceIssue }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ResearchDeskDataProvider>();
  const body = issue.report.status === "APPROVED" ? "compliance.reattach_body" : "compliance.renew_body";
  return (
    <StepButton
      label="compliance.renew"
      done={issue.report.status === "APPROVED" ? "reattach" : "renew"}
      testId="renew"
      run={() => dataProvider.attachDisclaimer(issue.reportId)}
      dialog={{ title: issue.report.title, body: translate(body, { version: issue.currentTemplate?.version ?? "-" }) }}
    />
  );
}

function FirmFilter({ firms, firmId, onChange }: { firms: FirmRecord[]; firmId: string | null; onChange: (firmId: string | null) => void }) {
  const translate = useTranslate();
  return (
    <TextField
      select
      label={translate("resources.reports.fields.firm")}
      value={firmId ?? ""}
      onChange={(e) => onChange(e.target.value || null)}
      sx={{ width: 320, mb: 2 }}
      slotProps={{ select: { native: true }, inputLabel: { shrink: true }, htmlInput: { "data-testid": "firm-filter" } }}
    >
      <option value="">{translate("compliance.all_firms")}</option>
      {firms.map((f) => (
        <option key={f.id} value={f.id}>
          {f.name}
        </option>
      ))}
    </TextField>
  );
}

/**
 * Live or scheduled reports with an outdated disclaimer, schedules the scheduler stopped, and live
 * rows the database's gate would refuse today; editors renew them from here, one by one or all of
 * a firm's at once. The firm filter is in the address, so that a filtered list can be linked.
 * Above them, the webhook endpoints the server stopped, whose clients are no longer told.
 */
export function CompliancePage() {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ResearchDeskDataProvider>();
  const { permissions } = usePermissions();
  const editor = hasRole(permissions, "EDITOR");
  const [params, setParams] = useSearchParams();
  const firmId = params.get("firmId");
  const list = useConnection(["complianceIssues", firmId], (after) => dataProvider.complianceIssues(after, firmId));
  // Partner firms number in the tens: one page of the firm list holds them all.
  const { data: firms = [] } = useGetList<FirmRecord>("firms", { pagination: { page: 1, perPage: 100 }, sort: { field: "name", order: "ASC" } });
  const firm = firms.find((f) => f.id === firmId);
  const issues = list.nodes;
  return (
    <Card>
      <Title title={translate("compliance.title")} />
      <CardContent>
        <StoppedWebhooks admin={hasRole(permissions, "ADMIN")} />
        <FirmFilter firms={firms} firmId={firmId} onChange={(id) => setParams(id ? { firmId: id } : {})} />
        {editor && firm && <RenewAll key={firm.id} firmId={firm.id} firmName={firm.name} />}
        {list.loaded && issues.length === 0 && <Typography>{translate("compliance.empty")}</Typography>}
        {issues.length > 0 && (
          <Table size="small" data-testid="compliance-issues">
            <TableHead>
              <TableRow>
                <TableCell>{translate("resources.reports.fields.title")}</TableCell>
                <TableCell>{translate("compliance.kind")}</TableCell>
                <TableCell>{translate("resources.reports.fields.status")}</TableCell>
                <TableCell>{translate("compliance.disclaimer")}</TableCell>
                <TableCell>{translate("compliance.since")}</TableCell>
                {editor && <TableCell />}
              </TableRow>
            </TableHead>
            <TableBody>
              {issues.map((issue) => (
                <TableRow key={`${issue.reportId}-${issue.kind}`} data-testid="compliance-row" data-report={issue.reportId} data-kind={issue.kind}>
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
                  <TableCell>
                    <Stack spacing={0.5} sx={{ alignItems: "flex-start" }}>
                      <span>{translate(`status.${issue.report.status}`)}</span>
                      <CorrectionState issue={issue} />
                    </Stack>
                  </TableCell>
                  <TableCell>
                    {translate("compliance.versions", { attached: issue.disclaimer?.templateVersion ?? "-", current: issue.currentTemplate?.version ?? "-" })}
                    {issue.reason && (
                      <Typography variant="caption" sx={{ display: "block" }}>
                        {issue.reason}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>{formatSeoul(issue.since)}</TableCell>
                  {editor && <TableCell>{renewable(issue) && <RenewButton issue={issue} />}</TableCell>}
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
