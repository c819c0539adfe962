import { Chip } from "@mui/material";
import { useRecordContext, useTranslate } from "react-admin";
import type { ReportRecord } from "./operations";

const COLORS: Record<string, "default" | "info" | "warning" | "success" | "error" | "secondary"> = {
  DRAFT: "default",
  IN_REVIEW: "warning",
  APPROVED: "info",
  SCHEDULED: "secondary",
  PUBLISHED: "success",
  RETRACTED: "error",
};

export function StatusChip({ status }: { status: string }) {
  const translate = useTranslate();
  return <Chip size="small" color={COLORS[status] ?? "default"} label={translate(`status.${status}`)} data-testid="status" data-status={status} />;
}

/** The report's status, and its correction's when one is in progress. */
export function StatusField() {
  const record = useRecordContext<ReportRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const copy = record.workingCopy;
  return (
    <span style={{ display: "inline-flex", gap: 4, alignItems: "center" }}>
      <StatusChip status={record.status} />
      {copy && (
        <Chip size="small" variant="outlined" label={`${translate("review.correction")}: ${translate(`status.${copy.status}`)}`} data-testid="correction-status" data-status={copy.status} />
      )}
    </span>
  );
}
