import { Button, Stack, TextField, Typography } from "@mui/material";
import { useState } from "react";
import { EditButton, Link, useDataProvider, usePermissions, useRecordContext, useTranslate } from "react-admin";
import { hasRole } from "../authProvider";
import type { ResearchDeskDataProvider } from "../dataProvider";
import { seoulInputToIso } from "../time";
import { CORRECTION_NOTE_MAX, renewedVersion } from "./correction";
import type { ReportRecord } from "./operations";
import { StepButton, type DoneStep } from "./StepButton";

type Template = ReportRecord["firm"]["currentDisclaimerTemplate"];

/**
 * Shows the firm's current disclaimer before it is attached, so the editor knows what goes out. On
 * a live or scheduled report the same step renews the disclaimer: it opens a correction.
 */
function AttachButton({ id, current, label, done, testId, body }: { id: string; current: Template; label: string; done: DoneStep; testId: string; body: string }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ResearchDeskDataProvider>();
  return (
    <StepButton
      label={label}
      done={done}
      testId={testId}
      run={() => dataProvider.attachDisclaimer(id)}
      dialog={{
        title: translate("workflow.attach_title"),
        canConfirm: Boolean(current),
        body: current ? (
          <>
            <Typography gutterBottom>{translate(body, { version: current.version })}</Typography>
            <Typography variant="body2" sx={{ whiteSpace: "pre-wrap", p: 2, bgcolor: "action.hover" }} data-testid="attach-preview">
              {current.body}
            </Typography>
          </>
        ) : (
          <Typography color="error">{translate("workflow.attach_none")}</Typography>
        ),
      }}
    />
  );
}

/**
 * Submits the report, or a correction with its correction note, which the editor writes here: it is
 * reviewed with the correction and shown to clients when the correction goes live. A note written
 * before (the correction was withdrawn or rejected) comes back to be reused or rewritten; a renewal
 * starts with a suggestion.
 */
function SubmitButton({ record }: { record: ReportRecord }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ResearchDeskDataProvider>();
  const copy = record.workingCopy;
  const [note, setNote] = useState(() => {
    const renewed = copy && renewedVersion(record, copy);
    return copy?.correctionNote ?? (renewed ? translate("workflow.renewal_note", { version: renewed }) : "");
  });
  if (!copy) {
    return <StepButton label="workflow.submit" done="submit" testId="submit-for-review" variant="contained" run={() => dataProvider.submitForReview(record.id, null)} />;
  }
  const length = [...note.trim()].length;
  return (
    <StepButton
      label="workflow.submit"
      done="submit"
      testId="submit-for-review"
      variant="contained"
      run={() => dataProvider.submitForReview(record.id, note)}
      dialog={{
        title: translate("workflow.submit_correction_title"),
        canConfirm: length > 0 && length <= CORRECTION_NOTE_MAX,
        body: (
          <TextField
            label={translate("workflow.correction_note")}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            helperText={translate("workflow.correction_note_help", { count: length, max: CORRECTION_NOTE_MAX })}
            error={length > CORRECTION_NOTE_MAX}
            fullWidth
            multiline
            minRows={2}
            sx={{ mt: 1 }}
            slotProps={{ htmlInput: { "data-testid": "correction-note-input" } }}
          />
        ),
      }}
    />
  );
}

function ScheduleButton({ id }: { id: string }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ResearchDeskDataProvider>();
  const [local, setLocal] = useState("");
  return (
    <StepButton
      label="workflow.schedule"
      done="schedule"
      testId="schedule"
      run={() => dataProvider.publishReport(id, seoulInputToIso(local))}
      dialog={{
        title: translate("workflow.schedule_title"),
        canConfirm: local !== "",
        body: (
          <TextField
            type="datetime-local"
            label={translate("workflow.schedule_at")}
            value={local}
            onChange={(e) => setLocal(e.target.value)}
            helperText={translate("workflow.schedule_help")}
            fullWidth
            sx={{ mt: 1 }}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { "data-testid": "schedule-at" } }}
          />
        ),
      }}
    />
  );
}

function RetractButton({ id }: { id: string }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ResearchDeskDataProvider>();
  const [reason, setReason] = useState("");
  return (
    <StepButton
      label="workflow.retract"
      done="retract"
      testId="retract"
      run={() => dataProvider.retractReport(id, reason)}
      dialog={{
        title: translate("workflow.retract_title"),
        canConfirm: reason.trim() !== "",
        body: (
          <TextField
            label={translate("workflow.retract_reason")}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            helperText={translate("workflow.retract_help")}
            fullWidth
            multiline
            sx={{ mt: 1 }}
            slotProps={{ htmlInput: { "data-testid": "retract-reason" } }}
          />
        ),
      }}
    />
  );
}

/**
 * The steps the report's state and the signed-in role allow; the server checks again. While a
 * correction exists, the steps act on it.
 */
export function WorkflowButtons() {
  const record = useRecordContext<ReportRecord>();
  const { permissions } = usePermissions();
  const dataProvider = useDataProvider<ResearchDeskDataProvider>();
  if (!record) return null;
  const { id, target, status, workingCopy: copy, disclaimer: reportDisclaimer } = record;
  const editor = hasRole(permissions, "EDITOR");
  const reviewer = hasRole(permissions, "REVIEWER");
  const disclaimer = copy ? copy.disclaimer : reportDisclaimer;
  const editable = target === "DRAFT" || (!copy && ["APPROVED", "SCHEDULED", "PUBLISHED"].includes(status));
  const current = record.firm.currentDisclaimerTemplate;
  // Live or scheduled without a correction: attaching opens one (a renewal), worth it only when the
  // firm has issued a newer version.
  const renewable = !copy && ["PUBLISHED", "SCHEDULED"].includes(status) && current !== null && reportDisclaimer?.templateVersion !== current.version;
  // An approved report goes live or is scheduled as it is; one that is not live yet takes its
  // approved correction with it. A correction of a live report can only go live now.
  const publishable = (!copy && status === "APPROVED" && !record.scheduleBlock) || (copy?.status === "APPROVED" && ["APPROVED", "SCHEDULED"].includes(status));

  return (
    <Stack direction="row" spacing={1} sx={{ my: 1, flexWrap: "wrap" }} data-testid="workflow-buttons">
      {editor && editable && <EditButton record={record} />}
      {editor && target === "DRAFT" && <AttachButton id={id} current={current} label="workflow.attach" done="attach" testId="attach-disclaimer" body="workflow.attach_body" />}
      {editor && target === "DRAFT" && disclaimer?.reviewStatus === "PENDING" && <SubmitButton record={record} />}
      {editor && target === "IN_REVIEW" && <StepButton label="workflow.withdraw" done="withdraw" testId="withdraw" run={() => dataProvider.withdrawReport(id)} />}
      {reviewer && target === "IN_REVIEW" && (
        <Button component={Link} to={`/review/${id}`} variant="contained" data-testid="open-review">
          <ReviewLabel />
        </Button>
      )}
      {editor && publishable && (
        <>
          <StepButton label="workflow.publish" done="publish" testId="publish-now" variant="contained" run={() => dataProvider.publishReport(id, null)} />
          <ScheduleButton id={id} />
        </>
      )}
      {editor && !copy && status === "APPROVED" && (
        <AttachButton id={id} current={current} label="workflow.reattach" done="reattach" testId="attach-disclaimer" body="workflow.attach_body" />
      )}
      {editor && renewable && <AttachButton id={id} current={current} label="workflow.renew" done="renew" testId="renew-disclaimer" body="workflow.renew_body" />}
      {editor && copy?.status === "APPROVED" && status === "PUBLISHED" && (
        <StepButton label="workflow.publish_correction" done="publish_correction" testId="publish-correction" variant="contained" run={() => dataProvider.publishReport(id, null)} />
      )}
      {editor && status === "SCHEDULED" && <StepButton label="workflow.unschedule" done="unschedule" testId="unschedule" run={() => dataProvider.unscheduleReport(id)} />}
      {editor && status === "PUBLISHED" && <RetractButton id={id} />}
    </Stack>
  );
}

function ReviewLabel() {
  return <>{useTranslate()("workflow.review")}</>;
}
