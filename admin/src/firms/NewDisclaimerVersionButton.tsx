import AddIcon from "@mui/icons-material/Add";
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from "@mui/material";
import { useState, type FormEvent } from "react";
import { useDataProvider, useNotify, useRefresh, useTranslate, type DataProvider } from "react-admin";
import type { ResearchDeskDataProvider } from "../dataProvider";
import { useServerErrorNotifier } from "../errors";
import { seoulInputToIso } from "../time";

/**
 * Adds a disclaimer template version to a firm. Versions are immutable, so this is the only way
 * to change a firm's disclaimer text; the dialog says what that means for live reports.
 */
/** `ResearchDeskDataProvider` itself does not meet `useDataProvider`'s generic `DataProvider` constraint. */
type WithTemplates = DataProvider & Pick<ResearchDeskDataProvider, "createDisclaimerTemplate">;

export function NewDisclaimerVersionButton({ firmId }: { firmId: string }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<WithTemplates>();
  const notify = useNotify();
  const refresh = useRefresh();
  const onError = useServerErrorNotifier();
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState("");
  const [effectiveFrom, setEffectiveFrom] = useState("");
  const [saving, setSaving] = useState(false);

  const close = () => {
    if (!saving) setOpen(false);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    setSaving(true);
    try {
      await dataProvider.createDisclaimerTemplate(firmId, body, effectiveFrom ? seoulInputToIso(effectiveFrom) : null);
      notify("resources.firms.disclaimers.created", { type: "success" });
      setOpen(false);
      setBody("");
      setEffectiveFrom("");
      refresh();
    } catch (error) {
      onError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Button variant="outlined" startIcon={<AddIcon />} onClick={() => setOpen(true)} data-testid="new-disclaimer-version">
        {translate("resources.firms.disclaimers.new")}
      </Button>
      <Dialog open={open} onClose={close} fullWidth maxWidth="md">
        <form onSubmit={submit}>
          <DialogTitle>{translate("resources.firms.disclaimers.dialog_title")}</DialogTitle>
          <DialogContent>
            <DialogContentText>{translate("resources.firms.disclaimers.immutable")}</DialogContentText>
            <DialogContentText sx={{ mt: 1 }}>{translate("resources.firms.disclaimers.compliance")}</DialogContentText>
            <TextField
              label={translate("resources.firms.disclaimers.body")}
              value={body}
              onChange={(e) => setBody(e.target.value)}
              required
              multiline
              minRows={6}
              fullWidth
              autoFocus
              margin="normal"
              slotProps={{ htmlInput: { "data-testid": "disclaimer-body" } }}
            />
            <TextField
              label={translate("resources.firms.disclaimers.effective_from")}
              helperText={translate("resources.firms.disclaimers.effective_from_help")}
              type="datetime-local"
              value={effectiveFrom}
              onChange={(e) => setEffectiveFrom(e.target.value)}
              margin="normal"
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { "data-testid": "disclaimer-effective-from" } }}
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={close} disabled={saving}>
              {translate("ra.action.cancel")}
            </Button>
            <Button type="submit" variant="contained" disabled={saving || !body.trim()} data-testid="create-disclaimer-version">
              {translate("resources.firms.disclaimers.create")}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
}
