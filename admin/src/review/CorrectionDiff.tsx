import { Alert, AlertTitle, Box, Chip, Table, TableBody, TableCell, TableRow, Typography } from "@mui/material";
import { useTranslate } from "react-admin";
import { diffTokens, diffWords, type Segment } from "../diff";
import { changedFields, CORRECTION_FIELDS, comparable, type ComparedVersion, type CorrectionField } from "../reports/correction";
import { bodyDiff } from "./body-diff";
import { Marks, MARK_STYLES } from "./Marks";

type Compared = ReturnType<typeof comparable>;

/** A list of names as a diff: each name its own segment, separated by commas. */
function listSegments(before: string[], after: string[]): Segment[] {
  const steps = diffTokens(before, after);
  return steps.map((s, i) => ({ kind: s.kind, text: i < steps.length - 1 ? `${s.token}, ` : s.token }));
}

/** What one changed field shows: its words or names with the changes marked, or the body as HTML with them marked inside. */
function changeOf(field: CorrectionField, before: Compared, after: Compared, versionText: (version: string) => string): { html: string } | { segments: Segment[] } {
  switch (field) {
    case "body":
      return { html: bodyDiff(before.body, after.body).html };
    case "analysts":
    case "sectorTags":
      return { segments: listSegments(before[field], after[field]) };
    case "disclaimer":
      return { segments: diffWords(versionText(before.disclaimer), versionText(after.disclaimer)) };
    default:
      return { segments: diffWords(before[field], after[field]) };
  }
}

function FieldChange({ change }: { change: ReturnType<typeof changeOf> }) {
  if ("html" in change) {
    // The corrected body as clients will read it, with the changes marked inside it.
    return (
      <Box
        data-testid="body-diff"
        sx={{ "& h2": { fontSize: "1.2rem", mt: 2 }, "& ins": MARK_STYLES.added, "& del": MARK_STYLES.removed }}
        dangerouslySetInnerHTML={{ __html: change.html }}
      />
    );
  }
  return (
    <Typography variant="body2" component="div" sx={{ whiteSpace: "pre-wrap" }}>
      <Marks segments={change.segments} show={["removed", "added"]} />
    </Typography>
  );
}

/**
 * What a correction changes, field by field, against the version it corrects (the live one, or the
 * approved or scheduled one of a report that is not live yet), with its correction note first:
 * changed fields show their words with the changes marked, unchanged ones say so and nothing more.
 */
export function CorrectionDiff({ report, copy, live }: { report: ComparedVersion; copy: ComparedVersion & { correctionNote: string | null }; live: boolean }) {
  const translate = useTranslate();
  const [before, after] = [comparable(report), comparable(copy)];
  const changedOnes = new Set(changedFields(report, copy));
  const versionText = (version: string): string => (version ? translate("review.version", { version }) : translate("review.no_disclaimer"));
  return (
    <Box data-testid="correction-diff">
      <Alert severity="info" icon={false} sx={{ mb: 2 }} data-testid="correction-note">
        <AlertTitle>{translate("review.correction_note")}</AlertTitle>
        {copy.correctionNote ? (
          <Typography sx={{ whiteSpace: "pre-wrap", fontSize: "1.05rem" }}>{copy.correctionNote}</Typography>
        ) : (
          <Typography color="text.secondary">{translate("review.no_correction_note")}</Typography>
        )}
      </Alert>
      <Typography variant="h6">{translate("review.correction_heading")}</Typography>
      <Typography variant="body2" color="text.secondary" gutterBottom>
        {translate(live ? "review.against_live" : "review.against_approved")}
      </Typography>
      <Table size="small">
        <TableBody>
          {CORRECTION_FIELDS.map((field) => {
            const changed = changedOnes.has(field);
            return (
              <TableRow key={field} data-testid="correction-field" data-field={field} data-changed={String(changed)}>
                <TableCell sx={{ width: 160, verticalAlign: "top" }}>{translate(`review.fields.${field}`)}</TableCell>
                <TableCell sx={{ width: 110, verticalAlign: "top" }}>
                  <Chip
                    size="small"
                    color={changed ? "warning" : "default"}
                    variant={changed ? "filled" : "outlined"}
                    label={translate(changed ? "review.field_changed" : "review.field_unchanged")}
                  />
                </TableCell>
                <TableCell>{changed && <FieldChange change={changeOf(field, before, after, versionText)} />}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Box>
  );
}
