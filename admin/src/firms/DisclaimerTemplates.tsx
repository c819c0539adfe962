import { Box, Stack, Typography } from "@mui/material";
import { ArrayField, DataTable, usePermissions, useRecordContext, useTranslate } from "react-admin";
import { hasRole } from "../authProvider";
import { SeoulDateField } from "../time";
import { NewDisclaimerVersionButton } from "./NewDisclaimerVersionButton";
import type { FirmRecord } from "./operations";

type TemplateRecord = FirmRecord["disclaimerTemplates"][number];

const label = (field: string) => `resources.firms.disclaimers.fields.${field}`;

/** The firm's disclaimer template versions, newest first; versions are read-only. */
export function DisclaimerTemplates() {
  const translate = useTranslate();
  const { permissions } = usePermissions();
  const firm = useRecordContext<FirmRecord>();
  if (!firm) return null;
  return (
    <Box sx={{ p: 2 }}>
      <Stack direction="row" sx={{ justifyContent: "space-between", alignItems: "center", mb: 1 }}>
        <Typography variant="h6">{translate("resources.firms.disclaimers.title")}</Typography>
        {hasRole(permissions, "EDITOR") && <NewDisclaimerVersionButton firmId={firm.id} />}
      </Stack>
      <ArrayField source="disclaimerTemplates" sort={{ field: "version", order: "DESC" }}>
        <DataTable
          storeKey="firms.disclaimerTemplates"
          rowClick={false}
          bulkActionButtons={false}
          empty={<Typography color="text.secondary">{translate("resources.firms.disclaimers.empty")}</Typography>}
        >
          <DataTable.Col source="version" label={label("version")} sx={{ whiteSpace: "nowrap" }} disableSort />
          <DataTable.Col
            source="effectiveFrom"
            label={label("effectiveFrom")}
            field={SeoulDateField}
            sx={{ whiteSpace: "nowrap" }}
            disableSort
          />
          <DataTable.Col<TemplateRecord>
            source="body"
            label={label("body")}
            disableSort
            render={(t) => <Box sx={{ whiteSpace: "pre-wrap" }}>{t.body}</Box>}
          />
          <DataTable.Col<TemplateRecord>
            source="checksum"
            label={label("checksum")}
            disableSort
            render={(t) => <Box sx={{ fontFamily: "monospace", fontSize: "0.8em", wordBreak: "break-all" }}>{t.checksum}</Box>}
          />
        </DataTable>
      </ArrayField>
    </Box>
  );
}
