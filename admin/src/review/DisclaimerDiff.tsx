import { Box, Typography } from "@mui/material";
import { useTranslate } from "react-admin";
import { diffWords, type Segment } from "../diff";
import { Marks } from "./Marks";

/** One side of the comparison: the shared words, plus this side's own change, marked. */
function Side({ heading, testId, segments, own, text }: { heading: string; testId: string; segments: Segment[]; own: "added" | "removed"; text: string | undefined }) {
  return (
    <Box data-testid={testId}>
      <Typography variant="subtitle2">{heading}</Typography>
      <Typography variant="body2" component="div" sx={{ whiteSpace: "pre-wrap", p: 2, bgcolor: "action.hover" }}>
        {segments.length ? <Marks segments={segments} show={[own]} /> : text}
      </Typography>
    </Box>
  );
}

/**
 * The attached disclaimer beside the firm's current template. The diff runs from the attached text
 * to the current one, so each side marks what the current version changes: what it removes on the
 * attached side, what it adds on its own side.
 */
export function DisclaimerDiff({
  attached,
  current,
}: {
  attached: { text: string; templateVersion: number } | null;
  current: { body: string; version: number } | null;
}) {
  const translate = useTranslate();
  const segments = attached && current ? diffWords(attached.text, current.body) : [];
  const identical = segments.every((s) => s.kind === "same");
  return (
    <Box sx={{ display: "grid", gridTemplateColumns: { md: "1fr 1fr" }, gap: 2 }} data-testid="disclaimer-diff">
      <Side
        heading={translate("review.attached", { version: attached?.templateVersion ?? "-" })}
        testId="diff-attached"
        segments={segments}
        own="removed"
        text={attached?.text}
      />
      <Side
        heading={current ? translate("review.current", { version: current.version }) : translate("review.no_current")}
        testId="diff-current"
        segments={segments}
        own="added"
        text={current?.body}
      />
      <Box sx={{ gridColumn: "1 / -1" }}>
        <Typography variant="body2" color={identical ? "success.main" : "warning.main"} data-testid="diff-verdict">
          {translate(identical ? "review.identical" : "review.changed")}
        </Typography>
        {!identical && (
          <Typography variant="caption" color="text.secondary" data-testid="diff-legend">
            {translate("review.legend")}
          </Typography>
        )}
      </Box>
    </Box>
  );
}
