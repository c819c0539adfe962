import type { MouseEvent } from "react";
import { Chip } from "@mui/material";
import { DataTable, Link, useTranslate } from "react-admin";
import type { AuditEntityType } from "../../../server/src/modules/audit/audit-action";
import { CursorList } from "../list-parts";
import { SeoulDateField } from "../time";
import { AuditChanges } from "./AuditChanges";
import { auditFilters, ENTITY_RESOURCES } from "./AuditFilters";
import type { AuditRecord } from "./operations";

/**
 * Where the panel shows an event's entity: its own page, or for a disclaimer template its firm's.
 * A webhook is linked while it exists (it has a title then), but is not in ENTITY_RESOURCES: the
 * API lists endpoints without a search by name, which the entity filter would need.
 */
function entityPath(event: AuditRecord): string | null {
  if (event.entityType === "DisclaimerTemplate") return event.entityFirmId ? `/firms/${event.entityFirmId}/show` : null;
  if (event.entityType === "Webhook" && event.entityTitle && event.entityId) return `/webhooks/${encodeURIComponent(event.entityId)}/show`;
  const target = ENTITY_RESOURCES[event.entityType as AuditEntityType];
  if (!target || !event.entityId) return null;
  const path = `/${target.resource}/${encodeURIComponent(event.entityId)}`;
  return target.resource === "reports" || target.resource === "firms" ? `${path}/show` : path;
}

function EntityCell({ event }: { event: AuditRecord }) {
  const title = event.entityTitle ?? event.entityId ?? "";
  const path = entityPath(event);
  if (!path) return <span>{title}</span>;
  // A click on the link opens the entity; a click elsewhere on the row still expands it.
  return (
    <Link to={path} onClick={(click: MouseEvent) => click.stopPropagation()} data-testid="audit-entity">
      {title}
    </Link>
  );
}

/** The audit log, newest first (the API's order): read-only; a row expands to its changes. */
export function AuditList() {
  const translate = useTranslate();
  return (
    <CursorList filters={auditFilters} sort={{ field: "at", order: "DESC" }}>
      <DataTable rowClick="expand" expand={<AuditChanges />} bulkActionButtons={false}>
        <DataTable.Col source="at" field={SeoulDateField} disableSort />
        <DataTable.Col<AuditRecord>
          source="actor"
          disableSort
          render={(e) => (
            <span data-testid="audit-actor" title={e.actorEmail ?? undefined}>
              {e.actor?.name ?? e.actorEmail ?? translate("resources.auditEvents.system")}
            </span>
          )}
        />
        <DataTable.Col<AuditRecord>
          source="action"
          disableSort
          render={(e) => (
            <Chip size="small" variant="outlined" data-testid="audit-action" data-action={e.action} label={translate(`resources.auditEvents.actions.${e.action}`, { _: e.action })} />
          )}
        />
        <DataTable.Col<AuditRecord>
          source="entityType"
          disableSort
          render={(e) => translate(`resources.auditEvents.entityTypes.${e.entityType}`, { _: e.entityType })}
        />
        <DataTable.Col<AuditRecord> source="entityTitle" disableSort render={(e) => <EntityCell event={e} />} />
      </DataTable>
    </CursorList>
  );
}
