import AssignmentReturnOutlinedIcon from "@mui/icons-material/AssignmentReturnOutlined";
import { Alert, AlertTitle, Box, Chip, Tooltip } from "@mui/material";
import { useRecordContext, useTranslate } from "react-admin";
import { formatSeoul } from "../time";
import type { ReportRecord } from "./operations";

type Rejection = NonNullable<ReportRecord["rejection"]>;

function useHeading(rejection: Rejection): string {
  const translate = useTranslate();
  return translate("report.rejected_by", {
    name: rejection.reviewedBy?.name ?? translate("report.a_reviewer"),
    at: formatSeoul(rejection.reviewedAt),
    version: rejection.templateVersion,
  });
}

function Note({ rejection }: { rejection: Rejection }) {
  const heading = useHeading(rejection);
  return (
    <Alert severity="error" data-testid="rejection-note">
      <AlertTitle>{heading}</AlertTitle>
      <Box sx={{ whiteSpace: "pre-wrap" }}>{rejection.reviewNote}</Box>
    </Alert>
  );
}

/**
 * Why the reviewer sent the report (or its correction) back, for the editor who answers it. The
 * server stops returning the rejection once the report is submitted again.
 */
export function RejectionNote() {
  const rejection = useRecordContext<ReportRecord>()?.rejection;
  return rejection ? <Note rejection={rejection} /> : null;
}

function Marker({ rejection }: { rejection: Rejection }) {
  const translate = useTranslate();
  const heading = useHeading(rejection);
  return (
    <Tooltip title={<Box sx={{ whiteSpace: "pre-wrap" }}>{`${heading}\n${rejection.reviewNote ?? ""}`}</Box>}>
      <Chip
        size="small"
        color="error"
        variant="outlined"
        icon={<AssignmentReturnOutlinedIcon />}
        label={translate("report.rejected")}
        data-testid="rejected-marker"
        sx={{ ml: 0.5 }}
      />
    </Tooltip>
  );
}

/** The same, as a mark in the report list: the note is its tooltip. */
export function RejectedMarker() {
  const rejection = useRecordContext<ReportRecord>()?.rejection;
  return rejection ? <Marker rejection={rejection} /> : null;
}
