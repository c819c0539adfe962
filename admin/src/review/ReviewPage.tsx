import { Alert, Box, Button, Card, CardContent, Stack, TextField, Typography } from "@mui/material";
import { useState } from "react";
import { Title, useDataProvider, useGetIdentity, useGetOne, useNotify, usePermissions, useTranslate, useRedirect } from "react-admin";
import { useParams } from "react-router-dom";
import { hasRole } from "../authProvider";
import type { ResearchDeskDataProvider } from "../dataProvider";
import { useServerErrorNotifier } from "../errors";
import { ClientPreview, type PreviewContent } from "../reports/ClientPreview";
import type { ReportRecord } from "../reports/operations";
import { CorrectionDiff } from "./CorrectionDiff";
import { DisclaimerDiff } from "./DisclaimerDiff";

/**
 * What a reviewer decides on: for a correction, first its correction note and what it changes
 * against the version it corrects; the attached disclaimer beside the firm's current template; and
 * the report (or correction) exactly as clients will see it. Rejecting needs a note; a disclaimer
 * that is no longer the firm's current version can only be rejected, with a note that says so.
 */
export function ReviewPage() {
  const { id } = useParams<{ id: string }>();
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const onError = useServerErrorNotifier();
  const dataProvider = useDataProvider<ResearchDeskDataProvider>();
  const { permissions } = usePermissions();
  const { identity } = useGetIdentity();
  const { data: report, refetch } = useGetOne<ReportRecord>("reports", { id: id! });
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  if (!report) return null;

  const copy = report.workingCopy;
  const content: PreviewContent = copy ? { ...copy, firm: report.firm } : report;
  const attached = (copy ? copy.disclaimer : report.disclaimer) ?? null;
  // As the server and the database decide (rule FOUR_EYES): whoever attached the disclaimer, the
  // author and last editor of what is reviewed, and the report's author.
  const preparers = [
    attached?.attachedBy?.id,
    ...(copy ? [copy.createdBy?.id, copy.updatedBy?.id, report.createdBy?.id] : [report.createdBy?.id, report.updatedBy?.id]),
  ];
  const own = identity !== undefined && preparers.includes(String(identity.id));
  const canDecide = hasRole(permissions, "REVIEWER") && report.target === "IN_REVIEW" && !own;

  const current = report.firm.currentDisclaimerTemplate;
  // The server refuses to approve a disclaimer that is not the firm's current version; the way on is
  // a rejection, after which the editor attaches the current one.
  const outdated = attached !== null && current !== null && attached.templateVersion !== current.version;
  const versions = { attached: attached?.templateVersion ?? "-", current: current?.version ?? "-" };

  const decide = async (decision: () => Promise<unknown>, done: "approve" | "reject"): Promise<void> => {
    setBusy(true);
    try {
      await decision();
      notify(`workflow.done.${done}`, { type: "success" });
      redirect("/review");
    } catch (error) {
      onError(error);
      void refetch();
    } finally {
      setBusy(false);
    }
  };
  const approve = () => decide(() => dataProvider.approveDisclaimer(report.id, note.trim() || null), "approve");
  const reject = () => decide(() => dataProvider.rejectDisclaimer(report.id, note), "reject");
  // The reviewer's own words, if any, follow the generated reason.
  const rejectOutdated = () =>
    decide(() => dataProvider.rejectDisclaimer(report.id, [translate("review.outdated_note", versions), note.trim()].filter(Boolean).join("\n")), "reject");

  return (
    <Card>
      <Title title={translate("review.page_title", { title: content.title })} />
      <CardContent>
        <Stack spacing={3}>
          {report.target !== "IN_REVIEW" && <Alert severity="info">{translate("review.not_in_review", { status: translate(`status.${report.target}`) })}</Alert>}
          {own && report.target === "IN_REVIEW" && <Alert severity="warning" data-testid="own-report">{translate("review.own_report")}</Alert>}
          {copy && <CorrectionDiff report={report} copy={copy} live={report.status === "PUBLISHED"} />}
          <DisclaimerDiff attached={attached} current={report.firm.currentDisclaimerTemplate} />
          <Box>
            <Typography variant="h6" gutterBottom>
              {translate("review.as_clients_see")}
            </Typography>
            <ClientPreview content={{ ...content, disclaimer: attached }} />
          </Box>
          {canDecide && (
            <Stack spacing={2} sx={{ maxWidth: 640 }}>
              {outdated && (
                <Alert severity="warning" data-testid="approve-disabled-reason">
                  {translate("review.outdated", versions)}
                </Alert>
              )}
              <TextField
                label={translate("workflow.note")}
                helperText={translate("workflow.note_help")}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                multiline
                minRows={2}
                slotProps={{ htmlInput: { "data-testid": "review-note" } }}
              />
              <Stack direction="row" spacing={1}>
                <Button variant="contained" color="success" disabled={busy || outdated} onClick={() => void approve()} data-testid="approve">
                  {translate("workflow.approve")}
                </Button>
                <Button variant="outlined" color="error" disabled={busy || note.trim() === ""} onClick={() => void reject()} data-testid="reject">
                  {translate("workflow.reject")}
                </Button>
                {outdated && (
                  <Button variant="contained" color="error" disabled={busy} onClick={() => void rejectOutdated()} data-testid="reject-outdated">
                    {translate("review.reject_outdated")}
                  </Button>
                )}
              </Stack>
            </Stack>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}
