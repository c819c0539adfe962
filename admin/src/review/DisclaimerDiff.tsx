import { Box, Typography } from "@mui/material";
import { useTranslate } from "react-admin";
import { diffWords, type Segment } from "../diff";

/** One side of the comparison: the shared words, plus this side's own, marked. */
function Side({ heading, segments, own, text }: { heading: string; segments: Segment[]; own: "added" | "removed"; text: string | undefined }) {
  return (
    <Box>
      <Typography variant="subtitle2">{heading}</Typography>
      <Typography variant="body2" component="div" sx={{ whiteSpace: "pre-wrap", p: 2, bgcolor: "action.hover" }}>
        {segments.length
          ? segments.map((s, i) => {
              if (s.kind === "same") return <span key={i}>{s.text}</span>;
              if (s.kind !== own) return null;
              return own === "added" ? (
                <mark key={i} data-testid="diff-added">{s.text}</mark>
              ) : (
                <del key={i} data-testid="diff-removed">{s.text}</del>
              );
            })
          : text}
      </Typography>
    </Box>
  );
}

/** The attached disclaimer beside the firm's current template, differences marked. */
export function DisclaimerDiff({
  attached,
  current,
}: {
  attached: { text: string; templateVersion: number } | null;
  current: { body: string; version: number } | null;
}) {
  const translate = useTranslate();
  const segments = attached && current ? diffWords(current.body, attached.text) : [];
  const identical = segments.every((s) => s.kind === "same");
  return (
    <Box sx={{ display: "grid", gridTemplateColumns: { md: "1fr 1fr" }, gap: 2 }} data-testid="disclaimer-diff">
      <Side heading={translate("review.attached", { version: attached?.templateVersion ?? "-" })} segments={segments} own="added" text={attached?.text} />
      <Side
        heading={current ? translate("review.current", { version: current.version }) : translate("review.no_current")}
        segments={segments}
        own="removed"
        text={current?.body}
      />
      <Typography variant="body2" color={identical ? "success.main" : "warning.main"} data-testid="diff-verdict" sx={{ gridColumn: "1 / -1" }}>
        {translate(identical ? "review.identical" : "review.changed")}
      </Typography>
    </Box>
  );
}
