import { Box } from "@mui/material";
import type { DiffKind, Segment } from "../diff";

/** How a diff marks words: added underlined in green, removed struck through in red. */
export const MARK_STYLES = {
  added: { bgcolor: "#e6f4ea", color: "success.dark" },
  removed: { bgcolor: "#fdecea", color: "error.dark" },
} as const;

/** The shared words of a diff, and the changes of the kinds in `show`, marked (<ins>, <del>). */
export function Marks({ segments, show }: { segments: Segment[]; show: DiffKind[] }) {
  return (
    <>
      {segments.map((s, i) => {
        if (s.kind === "same") return <span key={i}>{s.text}</span>;
        if (!show.includes(s.kind)) return null;
        // The mark covers the words only; the space after them stays plain. Words replaced at the end
        // of a text have no space after them: one keeps them apart from their replacement.
        const words = s.text.trimEnd();
        const replaced = words === s.text && segments[i + 1]?.kind === "added" && show.includes("added");
        return (
          <span key={i}>
            <Box component={s.kind === "added" ? "ins" : "del"} data-testid={`diff-${s.kind}`} sx={MARK_STYLES[s.kind]}>
              {words}
            </Box>
            {replaced ? " " : s.text.slice(words.length)}
          </span>
        );
      })}
    </>
  );
}
