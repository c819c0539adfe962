import { Alert, Box, Stack, Typography } from "@mui/material";
import { Show, TabbedShowLayout, useRecordContext, useTranslate } from "react-admin";
import { formatSeoul } from "../time";
import { ClientPreview } from "./ClientPreview";
import { History } from "./History";
import type { ReportRecord } from "./operations";
import { RejectionNote } from "./Rejection";
import { StatusField } from "./StatusChip";
import { WorkflowButtons } from "./WorkflowButtons";

function Header() {
  const record = useRecordContext<ReportRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const { workingCopy: copy, retraction, scheduleBlock: block } = record;
  // A correction of a report that is not live yet is applied when the report is published or scheduled.
  const live = record.status === "PUBLISHED";
  return (
    <Stack spacing={1} sx={{ mb: 2 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: "center" }}>
        <StatusField />
        <Typography variant="caption">{translate("report.version", { version: String(copy?.version ?? record.version) })}</Typography>
        {record.status === "SCHEDULED" && <Typography variant="body2">{translate("report.scheduled_for", { at: formatSeoul(record.scheduledAt) })}</Typography>}
      </Stack>
      <RejectionNote />
      {copy && (
        <Alert severity="info">
          {translate(live ? "report.correction_notice" : "report.correction_notice_unpublished", { status: translate(`status.${copy.status}`) })}
          {copy.correctionNote && (
            <Box sx={{ mt: 1, whiteSpace: "pre-wrap" }} data-testid="copy-correction-note">
              <strong>{translate("report.correction_note")}:</strong> {copy.correctionNote}
            </Box>
          )}
        </Alert>
      )}
      {retraction && <Alert severity="error">{translate("report.retracted", { at: formatSeoul(retraction.at), reason: retraction.reason })}</Alert>}
      {block && <Alert severity="warning" data-testid="schedule-block">{translate("report.schedule_blocked", { at: formatSeoul(block.at), reason: block.reason })}</Alert>}
      <WorkflowButtons />
    </Stack>
  );
}

function LivePreview() {
  const record = useRecordContext<ReportRecord>();
  return record ? <ClientPreview content={record} /> : null;
}

function CorrectionPreview() {
  const record = useRecordContext<ReportRecord>();
  const copy = record?.workingCopy;
  return copy ? <ClientPreview content={{ ...copy, firm: record.firm }} /> : null;
}

export function ReportShow() {
  return (
    // The workflow buttons carry Edit, shown only when the state and role allow it.
    <Show actions={false}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="report.tabs.preview">
          <Header />
          <LivePreview />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="report.tabs.correction" path="correction">
          <Header />
          <CorrectionPreview />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="report.tabs.history" path="history">
          <History />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
