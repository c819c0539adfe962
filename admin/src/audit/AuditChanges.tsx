import { Box, Stack, Typography } from "@mui/material";
import { useRecordContext, useTranslate } from "react-admin";

function Json({ label, value }: { label: string; value: unknown }) {
  const translate = useTranslate();
  return (
    <Box sx={{ flex: 1, minWidth: 0 }}>
      <Typography variant="subtitle2">{translate(label)}</Typography>
      <Box component="pre" sx={{ m: 0, p: 1, bgcolor: "action.hover", fontSize: "0.8rem", whiteSpace: "pre-wrap", wordBreak: "break-word" }}>
        {value == null ? translate("resources.auditEvents.none") : JSON.stringify(value, null, 2)}
      </Box>
    </Box>
  );
}

/** An audit event's expanded row: its before and after snapshots side by side. */
export function AuditChanges() {
  const event = useRecordContext();
  if (!event) return null;
  return (
    <Stack direction={{ xs: "column", md: "row" }} spacing={2} data-testid="audit-changes">
      <Json label="resources.auditEvents.fields.before" value={event.before} />
      <Json label="resources.auditEvents.fields.after" value={event.after} />
    </Stack>
  );
}
