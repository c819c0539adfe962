import { Box, Button, Table, TableBody, TableCell, TableHead, TableRow, Typography } from "@mui/material";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useDataProvider, useRecordContext, useTranslate } from "react-admin";
import type { ResearchDeskDataProvider } from "../dataProvider";
import { formatSeoul } from "../time";
import type { ReportRecord } from "./operations";

const show = (value: unknown): string => (typeof value === "string" ? value : JSON.stringify(value, null, 1));

function RevisionDiff({ from, to }: { from: string; to: string }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ResearchDeskDataProvider>();
  const { data } = useQuery({ queryKey: ["revisionDiff", from, to], queryFn: () => dataProvider.revisionDiff(from, to) });
  if (!data) return null;
  if (!data.length) return <Typography variant="body2">{translate("history.no_changes")}</Typography>;
  return (
    <Table size="small" data-testid="revision-diff">
      <TableBody>
        {data.map((change) => (
          <TableRow key={change.field}>
            <TableCell>{translate(`resources.reports.fields.content.${change.field}`, { _: change.field })}</TableCell>
            <TableCell sx={{ bgcolor: "#fdecea", whiteSpace: "pre-wrap", textDecoration: "line-through" }}>{show(change.before)}</TableCell>
            <TableCell sx={{ bgcolor: "#e6f4ea", whiteSpace: "pre-wrap" }}>{show(change.after)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Revisions with diffs, the periods during which each version was live, and the audit trail. */
export function History() {
  const record = useRecordContext<ReportRecord>();
  const translate = useTranslate();
  const dataProvider = useDataProvider<ResearchDeskDataProvider>();
  const [open, setOpen] = useState<string | null>(null);
  const { data: history } = useQuery({ queryKey: ["history", record?.id], queryFn: () => dataProvider.history(record!.id), enabled: Boolean(record) });
  if (!history) return null;
  return (
    <Box sx={{ display: "grid", gap: 3 }}>
      <section>
        <Typography variant="h6">{translate("history.revisions")}</Typography>
        {history.revisions.map((revision, i) => {
          const previous = history.revisions[i + 1];
          return (
            <Box key={revision.id} sx={{ my: 1 }}>
              <Typography variant="body2">
                {translate("history.revision", { number: revision.number })} · {formatSeoul(revision.createdAt)} · {String(revision.content.title)}
              </Typography>
              {previous && (
                <Button size="small" onClick={() => setOpen(open === revision.id ? null : revision.id)}>
                  {translate("history.compare")}
                </Button>
              )}
              {open === revision.id && previous && <RevisionDiff from={previous.id} to={revision.id} />}
            </Box>
          );
        })}
      </section>
      <section>
        <Typography variant="h6">{translate("history.periods")}</Typography>
        <Table size="small" data-testid="publication-periods">
          <TableHead>
            <TableRow>
              <TableCell>{translate("history.live_from")}</TableCell>
              <TableCell>{translate("history.live_until")}</TableCell>
              <TableCell>{translate("history.content_checksum")}</TableCell>
              <TableCell>{translate("history.disclaimer_checksum")}</TableCell>
              <TableCell>{translate("history.correction_note")}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {history.publicationPeriods.map((p) => (
              <TableRow key={p.liveFrom}>
                <TableCell>{formatSeoul(p.liveFrom)}</TableCell>
                <TableCell>{p.liveUntil ? formatSeoul(p.liveUntil) : translate("history.still_live")}</TableCell>
                <TableCell sx={{ fontFamily: "monospace" }}>{p.contentChecksum.slice(0, 16)}…</TableCell>
                <TableCell sx={{ fontFamily: "monospace" }}>{p.disclaimerChecksum?.slice(0, 16)}…</TableCell>
                <TableCell sx={{ whiteSpace: "pre-wrap" }}>{p.correctionNote}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
      <section>
        <Typography variant="h6">{translate("history.audit")}</Typography>
        <Table size="small" data-testid="audit-trail">
          <TableHead>
            <TableRow>
              <TableCell>{translate("history.at")}</TableCell>
              <TableCell>{translate("history.actor")}</TableCell>
              <TableCell>{translate("history.action")}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {history.auditTrail.nodes.map((e) => (
              <TableRow key={e.id}>
                <TableCell>{formatSeoul(e.at)}</TableCell>
                <TableCell>{e.actorEmail ?? translate("history.system")}</TableCell>
                <TableCell>{translate(`history.actions.${e.action}`, { _: e.action })}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
    </Box>
  );
}
