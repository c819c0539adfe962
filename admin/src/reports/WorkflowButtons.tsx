import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from "@mui/material";
import { useState, type ReactNode } from "react";
import { EditButton, Link, useDataProvider, useGetOne, useNotify, usePermissions, useRecordContext, useRefresh, useTranslate } from "react-admin";
import { hasRole } from "../authProvider";
import type { ResearchDeskDataProvider } from "../dataProvider";
import { useServerErrorNotifier } from "../errors";
import { seoulInputToIso } from "../time";

interface StepProps {
  label: string;
  testId: string;
  run: () => Promise<unknown>;
  /** A dialog body; when given, the step runs only after the user confirms it. */
  dialog?: { title: string; body: ReactNode; canConfirm?: boolean };
  variant?: "contained" | "outlined";
}

/** One workflow step: runs the server mutation (pessimistic: the screen changes only on success). */
function StepButton({ label, testId, run, dialog, variant = "outlined" }: StepProps) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const onError = useServerErrorNotifier();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const go = async (): Promise<void> => {
    setBusy(true);
    try {
      await run();
      setOpen(false);
      notify("workflow.done", { type: "success" });
      refresh();
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant={variant} disabled={busy} onClick={() => (dialog ? setOpen(true) : void go())} data-testid={testId}>
        {translate(label)}
      </Button>
      {dialog && (
        <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
          <DialogTitle>{dialog.title}</DialogTitle>
          <DialogContent>{dialog.body}</DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{translate("workflow.cancel")}</Button>
            <Button variant="contained" disabled={busy || dialog.canConfirm === false} onClick={() => void go()} data-testid={`${testId}-confirm`}>
              {translate("workflow.confirm")}
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </>
  );
}

interface Template {
  version: number;
  body: string;
  effectiveFrom: string;
}

/** Shows the firm's current disclaimer before it is attached, so the editor knows what goes out. */
function AttachButton({ id, firmId, label }: { id: string; firmId: string; label: string }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ResearchDeskDataProvider>();
  const { data: firm } = useGetOne<{ id: string; disclaimerTemplates: Template[] }>("firms", { id: firmId });
  const current = firm?.disclaimerTemplates
    .filter((t) => Date.parse(t.effectiveFrom) <= Date.now())
    .sort((a, b) => b.version - a.version)[0];
  return (
    <StepButton
      label={label}
      testId="attach-disclaimer"
      run={() => dataProvider.attachDisclaimer(id)}
      dialog={{
        title: translate("workflow.attach_title"),
        canConfirm: Boolean(current),
        body: current ? (
          <>
            <Typography gutterBottom>{translate("workflow.attach_body", { version: current.version })}</Typography>
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

function ScheduleButton({ id }: { id: string }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ResearchDeskDataProvider>();
  const [local, setLocal] = useState("");
  return (
    <StepButton
      label="workflow.schedule"
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
  const record = useRecordContext();
  const { permissions } = usePermissions();
  const dataProvider = useDataProvider<ResearchDeskDataProvider>();
  if (!record) return null;
  const id = String(record.id);
  const editor = hasRole(permissions, "EDITOR");
  const reviewer = hasRole(permissions, "REVIEWER");
  const copy = record.workingCopy as { status: string; disclaimer: { reviewStatus: string } | null } | null;
  const target = String(record.target);
  const disclaimer = (copy ? copy.disclaimer : record.disclaimer) as { reviewStatus: string } | null;
  const status = String(record.status);
  const editable = target === "DRAFT" || (!copy && ["APPROVED", "SCHEDULED", "PUBLISHED"].includes(status));

  return (
    <Stack direction="row" spacing={1} sx={{ my: 1, flexWrap: "wrap" }} data-testid="workflow-buttons">
      {editor && editable && <EditButton record={record} />}
      {editor && target === "DRAFT" && <AttachButton id={id} firmId={String(record.firmId)} label="workflow.attach" />}
      {editor && target === "DRAFT" && disclaimer?.reviewStatus === "PENDING" && (
        <StepButton label="workflow.submit" testId="submit-for-review" variant="contained" run={() => dataProvider.submitForReview(id)} />
      )}
      {editor && target === "IN_REVIEW" && <StepButton label="workflow.withdraw" testId="withdraw" run={() => dataProvider.withdrawReport(id)} />}
      {reviewer && target === "IN_REVIEW" && (
        <Button component={Link} to={`/review/${id}`} variant="contained" data-testid="open-review">
          <ReviewLabel />
        </Button>
      )}
      {editor && !copy && status === "APPROVED" && !record.scheduleBlock && (
        <>
          <StepButton label="workflow.publish" testId="publish-now" variant="contained" run={() => dataProvider.publishReport(id, null)} />
          <ScheduleButton id={id} />
        </>
      )}
      {editor && !copy && status === "APPROVED" && <AttachButton id={id} firmId={String(record.firmId)} label="workflow.reattach" />}
      {editor && copy?.status === "APPROVED" && (
        <StepButton label="workflow.publish_correction" testId="publish-correction" variant="contained" run={() => dataProvider.publishReport(id, null)} />
      )}
      {editor && status === "SCHEDULED" && <StepButton label="workflow.unschedule" testId="unschedule" run={() => dataProvider.unscheduleReport(id)} />}
      {editor && status === "PUBLISHED" && <RetractButton id={id} />}
    </Stack>
  );
}

function ReviewLabel() {
  return <>{useTranslate()("workflow.review")}</>;
}
