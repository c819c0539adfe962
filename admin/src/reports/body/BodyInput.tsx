import { RichTextInput } from "ra-input-rich-text";
import { BodyToolbar } from "./BodyToolbar";
import { BODY_EXTENSIONS } from "./extensions";
import { bodySx } from "./styles";

// One object for the page's lifetime: RichTextInput makes a new editor whenever its options change.
const EDITOR_OPTIONS = { extensions: BODY_EXTENSIONS };

/** The report body: the editor offers only what the server keeps, and writes it as the server stores it. */
export function BodyInput({ source }: { source: string }) {
  return <RichTextInput source={source} fullWidth editorOptions={EDITOR_OPTIONS} toolbar={<BodyToolbar />} sx={bodySx} />;
}
