import FormatBold from "@mui/icons-material/FormatBold";
import FormatItalic from "@mui/icons-material/FormatItalic";
import FormatStrikethrough from "@mui/icons-material/FormatStrikethrough";
import FormatUnderlined from "@mui/icons-material/FormatUnderlined";
import HorizontalRule from "@mui/icons-material/HorizontalRule";
import Subscript from "@mui/icons-material/Subscript";
import Superscript from "@mui/icons-material/Superscript";
import TableChartOutlined from "@mui/icons-material/TableChartOutlined";
import { Menu, MenuItem, Select, ToggleButton, ToggleButtonGroup, type SvgIconProps } from "@mui/material";
import type { ChainedCommands, Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { ClearButtons, LinkButtons, ListButtons, QuoteButtons, RichTextInputToolbar, useTiptapEditor } from "ra-input-rich-text";
import { useState, type ComponentType } from "react";
import { useTranslate } from "react-admin";
import { EDITOR_HEADING_LEVELS } from "./extensions";
import { ImageButton } from "./ImageButton";

/*
 * The body editor's tools: only what the server keeps (server/src/kernel/body-content.ts), so nothing
 * offered here is lost on save. No colour, highlight, alignment, code or H1/H5/H6; images only by upload
 * (ImageButton), since a body shows no other site's images.
 */

type Size = "small" | "medium" | "large";

const chain = (editor: Editor): ChainedCommands => editor.chain().focus();

/** Paragraph or one of the headings the body keeps (H2–H4). */
function LevelSelect() {
  const translate = useTranslate();
  const editor = useTiptapEditor();
  const level = useEditorState({
    editor,
    selector: ({ editor: e }) => EDITOR_HEADING_LEVELS.find((l) => e?.isActive("heading", { level: l })) ?? 0,
  });
  const choose = (value: number): void => {
    const heading = EDITOR_HEADING_LEVELS.find((l) => l === value);
    if (heading) chain(editor).setHeading({ level: heading }).run();
    else chain(editor).setParagraph().run();
  };
  return (
    <Select
      size="small"
      value={level ?? 0}
      disabled={!editor?.isEditable}
      onChange={(event) => choose(Number(event.target.value))}
      inputProps={{ "aria-label": translate("ra.tiptap.select_level") }}
      data-testid="body-level"
    >
      <MenuItem value={0}>{translate("ra.tiptap.paragraph")}</MenuItem>
      {EDITOR_HEADING_LEVELS.map((l) => (
        <MenuItem key={l} value={l}>
          {translate(`ra.tiptap.heading${l}`)}
        </MenuItem>
      ))}
    </Select>
  );
}

interface MarkTool {
  mark: string;
  label: string;
  Icon: ComponentType<SvgIconProps>;
  toggle: (commands: ChainedCommands) => ChainedCommands;
}

const MARK_TOOLS: MarkTool[] = [
  { mark: "bold", label: "ra.tiptap.bold", Icon: FormatBold, toggle: (c) => c.toggleBold() },
  { mark: "italic", label: "ra.tiptap.italic", Icon: FormatItalic, toggle: (c) => c.toggleItalic() },
  { mark: "underline", label: "ra.tiptap.underline", Icon: FormatUnderlined, toggle: (c) => c.toggleUnderline() },
  { mark: "strike", label: "ra.tiptap.strike", Icon: FormatStrikethrough, toggle: (c) => c.toggleStrike() },
  { mark: "subscript", label: "body_editor.subscript", Icon: Subscript, toggle: (c) => c.toggleSubscript() },
  { mark: "superscript", label: "body_editor.superscript", Icon: Superscript, toggle: (c) => c.toggleSuperscript() },
];

function MarkButtons({ size }: { size: Size }) {
  const translate = useTranslate();
  const editor = useTiptapEditor();
  const active = useEditorState({ editor, selector: ({ editor: e }) => MARK_TOOLS.filter((t) => e?.isActive(t.mark)).map((t) => t.mark) });
  return (
    <ToggleButtonGroup size={size} value={active ?? []} disabled={!editor?.isEditable}>
      {MARK_TOOLS.map(({ mark, label, Icon, toggle }) => (
        <ToggleButton key={mark} value={mark} aria-label={translate(label)} title={translate(label)} onClick={() => toggle(chain(editor)).run()}>
          <Icon fontSize="inherit" />
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}

function RuleButton({ size }: { size: Size }) {
  const translate = useTranslate();
  const editor = useTiptapEditor();
  const label = translate("body_editor.horizontal_rule");
  return (
    <ToggleButton size={size} value="hr" aria-label={label} title={label} disabled={!editor?.isEditable} onClick={() => chain(editor).setHorizontalRule().run()}>
      <HorizontalRule fontSize="inherit" />
    </ToggleButton>
  );
}

const TABLE_ACTIONS: { key: string; run: (commands: ChainedCommands) => ChainedCommands }[] = [
  { key: "insert", run: (c) => c.insertTable({ rows: 3, cols: 3, withHeaderRow: true }) },
  { key: "add_row_before", run: (c) => c.addRowBefore() },
  { key: "add_row_after", run: (c) => c.addRowAfter() },
  { key: "delete_row", run: (c) => c.deleteRow() },
  { key: "add_column_before", run: (c) => c.addColumnBefore() },
  { key: "add_column_after", run: (c) => c.addColumnAfter() },
  { key: "delete_column", run: (c) => c.deleteColumn() },
  { key: "toggle_header_row", run: (c) => c.toggleHeaderRow() },
  { key: "delete", run: (c) => c.deleteTable() },
];

/** Insert a table, and change the rows and columns of the one the cursor is in. */
function TableMenu({ size }: { size: Size }) {
  const translate = useTranslate();
  const editor = useTiptapEditor();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const inTable = useEditorState({ editor, selector: ({ editor: e }) => e?.isActive("table") ?? false });
  const label = translate("body_editor.table.menu");
  return (
    <>
      <ToggleButton
        size={size}
        value="table"
        selected={inTable ?? false}
        aria-label={label}
        title={label}
        disabled={!editor?.isEditable}
        onClick={(event) => setAnchor(event.currentTarget)}
        data-testid="body-table-menu"
      >
        <TableChartOutlined fontSize="inherit" />
      </ToggleButton>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {anchor &&
          TABLE_ACTIONS.map(({ key, run }) => (
            <MenuItem
              key={key}
              disabled={!run(editor.can().chain()).run()}
              onClick={() => {
                setAnchor(null);
                run(chain(editor)).run();
              }}
              data-testid={`body-table-${key}`}
            >
              {translate(`body_editor.table.${key}`)}
            </MenuItem>
          ))}
      </Menu>
    </>
  );
}

export function BodyToolbar({ size = "small" }: { size?: Size }) {
  return (
    <RichTextInputToolbar size={size}>
      <LevelSelect />
      <MarkButtons size={size} />
      <ListButtons size={size} />
      <QuoteButtons size={size} />
      <RuleButton size={size} />
      <LinkButtons size={size} />
      <TableMenu size={size} />
      <ImageButton size={size} />
      <ClearButtons size={size} />
    </RichTextInputToolbar>
  );
}
