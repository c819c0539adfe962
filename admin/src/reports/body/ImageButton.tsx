import ImageOutlined from "@mui/icons-material/ImageOutlined";
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, ToggleButton, Typography } from "@mui/material";
import { useTiptapEditor } from "ra-input-rich-text";
import { useState, type FormEvent } from "react";
import { useTranslate } from "react-admin";
import type { ErrorText } from "../../errors";
import { uploadErrorText, uploadImage } from "../../images/upload";

/** The types POST /images takes; the server judges by the bytes, this only narrows the file picker. */
const ACCEPTED_TYPES = "image/png,image/jpeg,image/webp";

/**
 * Uploads a chart or figure with its alt text and inserts it at the cursor, written as the body
 * keeps it: `<img src="/images/<hash>" alt width height>` with the size the server read from the bytes.
 */
export function ImageButton({ size }: { size: "small" | "medium" | "large" }) {
  const translate = useTranslate();
  const editor = useTiptapEditor();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState("");
  const [refusal, setRefusal] = useState<ErrorText | null>(null);
  const [uploading, setUploading] = useState(false);
  const label = translate("body_editor.image.button");

  const close = (): void => {
    if (uploading) return;
    setOpen(false);
    setFile(null);
    setAlt("");
    setRefusal(null);
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    // The dialog is portalled out of the report form in the DOM, but React still bubbles its submit to that form, which would save the report.
    event.stopPropagation();
    if (!file) return;
    // Checked here so that a large file is not sent only to be refused for its empty description.
    if (!alt.trim()) {
      setRefusal({ key: "images.errors.ALT", args: {} });
      return;
    }
    setUploading(true);
    setRefusal(null);
    try {
      const image = await uploadImage(file, alt.trim());
      editor.chain().focus().setImage({ src: image.url, alt: image.alt, width: image.width, height: image.height }).run();
      setUploading(false);
      setOpen(false);
      setFile(null);
      setAlt("");
    } catch (error) {
      setUploading(false);
      setRefusal(uploadErrorText(error, translate));
    }
  };

  return (
    <>
      <ToggleButton
        size={size}
        value="image"
        aria-label={label}
        title={label}
        disabled={!editor?.isEditable}
        onClick={() => setOpen(true)}
        data-testid="body-image-button"
      >
        <ImageOutlined fontSize="inherit" />
      </ToggleButton>
      <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
        <form onSubmit={submit} noValidate data-testid="body-image-dialog">
          <DialogTitle>{translate("body_editor.image.title")}</DialogTitle>
          <DialogContent>
            <Stack spacing={2} sx={{ mt: 1 }}>
              <Stack direction="row" spacing={2} sx={{ alignItems: "center" }}>
                <Button variant="outlined" component="label" disabled={uploading}>
                  {translate("body_editor.image.choose_file")}
                  <input
                    hidden
                    type="file"
                    accept={ACCEPTED_TYPES}
                    onChange={(e) => {
                      setFile(e.target.files?.[0] ?? null);
                      setRefusal(null);
                    }}
                    data-testid="body-image-file"
                  />
                </Button>
                <Typography variant="body2" color="text.secondary" noWrap>
                  {file ? file.name : translate("body_editor.image.file_help")}
                </Typography>
              </Stack>
              <TextField
                label={translate("body_editor.image.alt")}
                helperText={translate("body_editor.image.alt_help")}
                value={alt}
                onChange={(e) => setAlt(e.target.value)}
                required
                fullWidth
                disabled={uploading}
                slotProps={{ htmlInput: { maxLength: 300, "data-testid": "body-image-alt" } }}
              />
              {refusal && (
                <Alert severity="error" data-testid="body-image-refusal">
                  {translate(refusal.key, refusal.args)}
                </Alert>
              )}
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={close} disabled={uploading}>
              {translate("ra.action.cancel")}
            </Button>
            <Button type="submit" variant="contained" disabled={uploading || !file} data-testid="body-image-insert">
              {translate("body_editor.image.insert")}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
}
