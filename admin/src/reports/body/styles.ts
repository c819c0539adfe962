import type { SxProps, Theme } from "@mui/material";

/** How a body's tables, images and footnote markers look, in the editor and in the client preview alike. */
export const bodySx: SxProps<Theme> = {
  "& table": { borderCollapse: "collapse", my: 1.5, tableLayout: "auto" },
  "& th, & td": { border: 1, borderColor: "divider", px: 1, py: 0.5, verticalAlign: "top", minWidth: "4em" },
  "& th": { bgcolor: "action.hover", fontWeight: "bold", textAlign: "left" },
  "& td > p, & th > p": { my: 0 },
  "& sup, & sub": { lineHeight: 0 },
  "& h2": { fontSize: "1.2rem", mt: 3 },
  // A chart wider than the column shrinks to it, keeping its proportions (width and height are its pixel size).
  "& img": { maxWidth: "100%", height: "auto" },
  // Cells selected across the table (prosemirror-tables marks them while editing).
  "& .selectedCell": { bgcolor: "action.selected" },
  "& .tableWrapper": { overflowX: "auto" },
};
