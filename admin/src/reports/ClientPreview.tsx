import { Box, Chip, Divider, Paper, Stack, Typography } from "@mui/material";
import { useTranslate } from "react-admin";
import { formatSeoul } from "../time";
import { bodySx } from "./body/styles";

export interface PreviewContent {
  title: string;
  summary: string[] | null;
  body: string | null;
  firm?: { name: string };
  analysts?: { name: string; title?: string | null }[];
  sectorTags?: { name: string }[];
  publishedAt?: string | null;
  /** Set once a correction went live; a correction in progress has its note but no date yet. */
  correctedAt?: string | null;
  correctionNote?: string | null;
  disclaimer?: { text: string; templateVersion: number; reviewStatus: string } | null;
}

/**
 * The report the way a client app shows it: headline, firm and analysts, the correction notice (its
 * date and note) when a correction went live, the summary bullets, the body and, at the end, the
 * partner disclaimer. The body is HTML the server sanitized on save.
 */
export function ClientPreview({ content }: { content: PreviewContent }) {
  const translate = useTranslate();
  return (
    <Paper variant="outlined" sx={{ p: 3, maxWidth: 820 }} data-testid="client-preview">
      <Typography variant="h5" component="h1" gutterBottom>
        {content.title}
      </Typography>
      <Typography variant="body2" color="text.secondary" gutterBottom>
        {[content.firm?.name, content.analysts?.map((a) => [a.name, a.title].filter(Boolean).join(" ")).join(", "), formatSeoul(content.publishedAt)]
          .filter(Boolean)
          .join(" · ")}
      </Typography>
      {(content.correctedAt || content.correctionNote) && (
        <Box data-testid="preview-correction" sx={{ my: 1, px: 1.5, py: 1, borderLeft: 3, borderColor: "warning.main", bgcolor: "action.hover" }}>
          <Typography variant="subtitle2" component="p">
            {content.correctedAt ? translate("report.corrected_on", { at: formatSeoul(content.correctedAt) }) : translate("report.correction_undated")}
          </Typography>
          {content.correctionNote && (
            <Typography variant="body2" sx={{ whiteSpace: "pre-wrap" }} data-testid="preview-correction-note">
              {content.correctionNote}
            </Typography>
          )}
        </Box>
      )}
      {content.summary && (
        <Box component="ul" sx={{ pl: 3 }}>
          {content.summary.map((bullet, i) => (
            <li key={i}>
              <Typography variant="body1">{bullet}</Typography>
            </li>
          ))}
        </Box>
      )}
      {content.body && <Box sx={bodySx} dangerouslySetInnerHTML={{ __html: content.body }} />}
      {content.sectorTags && content.sectorTags.length > 0 && (
        <Stack direction="row" spacing={1} sx={{ my: 2, flexWrap: "wrap" }}>
          {content.sectorTags.map((t) => (
            <Chip key={t.name} size="small" label={`#${t.name}`} />
          ))}
        </Stack>
      )}
      <Divider sx={{ my: 2 }} />
      <Box data-testid="preview-disclaimer">
        <Typography variant="subtitle2">{translate("report.disclaimer_heading")}</Typography>
        {content.disclaimer ? (
          <>
            <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: "pre-wrap" }}>
              {content.disclaimer.text}
            </Typography>
            <Typography variant="caption" color="text.secondary">
              {translate("report.disclaimer_version", {
                version: content.disclaimer.templateVersion,
                status: translate(`reviewStatus.${content.disclaimer.reviewStatus}`),
              })}
            </Typography>
          </>
        ) : (
          <Typography variant="body2" color="error">
            {translate("report.no_disclaimer")}
          </Typography>
        )}
      </Box>
    </Paper>
  );
}
