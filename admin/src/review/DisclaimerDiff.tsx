import { Box, Typography } from "@mui/material";
import { useTranslate } from "react-admin";
import { diffWords } from "../diff";

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
      <Box>
        <Typography variant="subtitle2">{translate("review.attached", { version: attached?.templateVersion ?? "-" })}</Typography>
        <Typography variant="body2" component="div" sx={{ whiteSpace: "pre-wrap", p: 2, bgcolor: "action.hover" }}>
          {segments.length
            ? segments.map((s, i) =>
                s.kind === "same" ? (
                  <span key={i}>{s.text}</span>
                ) : s.kind === "added" ? (
                  <mark key={i} data-testid="diff-added">{s.text}</mark>
                ) : null,
              )
            : attached?.text}
        </Typography>
      </Box>
      <Box>
        <Typography variant="subtitle2">
          {current ? translate("review.current", { version: current.version }) : translate("review.no_current")}
        </Typography>
        <Typography variant="body2" component="div" sx={{ whiteSpace: "pre-wrap", p: 2, bgcolor: "action.hover" }}>
          {segments.length
            ? segments.map((s, i) =>
                s.kind === "same" ? (
                  <span key={i}>{s.text}</span>
                ) : s.kind === "removed" ? (
                  <del key={i} data-testid="diff-removed">{s.text}</del>
                ) : null,
              )
            : current?.body}
        </Typography>
      </Box>
      <Typography variant="body2" color={identical ? "success.main" : "warning.main"} data-testid="diff-verdict" sx={{ gridColumn: "1 / -1" }}>
        {translate(identical ? "review.identical" : "review.changed")}
      </Typography>
    </Box>
  );
}
