import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from "@mui/material";
import { useRecordContext, useTranslate } from "react-admin";
import { formatSeoul } from "../time";
import type { AuditRecord } from "./operations";

type Translate = ReturnType<typeof useTranslate>;

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A snapshot's fields by name, nested ones (a correction's status) as `workingCopy.status`. */
function fieldsOf(snapshot: unknown, prefix = "", into = new Map<string, unknown>()): Map<string, unknown> {
  if (snapshot === null || typeof snapshot !== "object" || Array.isArray(snapshot)) return into;
  for (const [key, value] of Object.entries(snapshot)) {
    const name = prefix + key;
    if (value !== null && typeof value === "object" && !Array.isArray(value)) fieldsOf(value, `${name}.`, into);
    else into.set(name, value);
  }
  return into;
}

// A body is stored as HTML: its text is what a reader compares. DOMParser runs no script.
const textOfHtml = (html: string): string => new DOMParser().parseFromString(html, "text/html").body.textContent ?? "";

/** A recorded value as words: statuses and roles translated, times in Seoul, lists one per line. */
function shown(field: string, value: unknown, translate: Translate): string {
  if (value === undefined || value === null || value === "") return "—";
  if (typeof value === "boolean") return translate(value ? "resources.auditEvents.yes" : "resources.auditEvents.no");
  if (Array.isArray(value)) return value.map((item) => shown(field, item, translate)).join("\n");
  if (typeof value !== "string") return typeof value === "number" ? String(value) : JSON.stringify(value);
  if (field === "status" || field.endsWith(".status")) return translate(`status.${value}`, { _: value });
  if (field === "role") return translate(`resources.users.roles.${value}`, { _: value });
  if (field === "disabledReason") return translate(`resources.webhooks.reasons.${value}`, { _: value });
  if (field === "eventTypes" || field === "type") return translate(`resources.webhooks.eventTypes.${value}`, { _: value });
  if (field === "body") return textOfHtml(value);
  return ISO_TIME.test(value) ? formatSeoul(value) : value;
}

/** A body can run to pages: it scrolls in its cell. */
const Value = ({ text }: { text: string }) => <Box sx={{ maxHeight: 240, overflow: "auto" }}>{text}</Box>;

/** An audit event's expanded row: each recorded field with its value before and after. */
export function AuditChanges() {
  const event = useRecordContext<AuditRecord>();
  const translate = useTranslate();
  if (!event) return null;
  const before = fieldsOf(event.before);
  const after = fieldsOf(event.after);
  const fields = [...new Set([...before.keys(), ...after.keys()])];
  if (!fields.length) return <Typography variant="body2">{translate("resources.auditEvents.changes.none")}</Typography>;
  const cell = { whiteSpace: "pre-wrap", wordBreak: "break-word", verticalAlign: "top", maxWidth: 480 } as const;
  return (
    <Table size="small" data-testid="audit-changes">
      <TableHead>
        <TableRow>
          <TableCell>{translate("resources.auditEvents.changes.field")}</TableCell>
          <TableCell>{translate("resources.auditEvents.changes.before")}</TableCell>
          <TableCell>{translate("resources.auditEvents.changes.after")}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {fields.map((field) => {
          const was = shown(field, before.get(field), translate);
          const is = shown(field, after.get(field), translate);
          return (
            <TableRow key={field} data-field={field}>
              <TableCell sx={{ ...cell, fontWeight: 500 }}>{translate(`resources.auditEvents.changeFields.${field}`, { _: field })}</TableCell>
              <TableCell sx={{ ...cell, color: "text.secondary" }}>
                <Value text={was} />
              </TableCell>
              <TableCell sx={{ ...cell, fontWeight: was === is ? undefined : 500 }}>
                <Value text={is} />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
