import { DataTable, useTranslate } from "react-admin";
import { CursorList } from "../list-parts";
import { SeoulDateField } from "../time";
import { AuditChanges } from "./AuditChanges";
import { auditFilters } from "./AuditFilters";
import type { AuditRecord } from "./operations";

/** The audit log, newest first (the API's order): read-only; a row expands to its before/after. */
export function AuditList() {
  const translate = useTranslate();
  return (
    <CursorList
      filters={auditFilters}
      sort={{ field: "at", order: "DESC" }}
    >
      <DataTable rowClick="expand" expand={<AuditChanges />} bulkActionButtons={false}>
        <DataTable.Col source="at" field={SeoulDateField} disableSort />
        <DataTable.Col<AuditRecord>
          source="actorEmail"
          disableSort
          render={(e) => e.actorEmail ?? translate("resources.auditEvents.system")}
        />
        <DataTable.Col source="action" disableSort />
        <DataTable.Col<AuditRecord>
          source="entityType"
          disableSort
          render={(e) => translate(`resources.auditEvents.entityTypes.${e.entityType}`, { _: e.entityType })}
        />
        <DataTable.Col source="entityId" disableSort />
      </DataTable>
    </CursorList>
  );
}
