import ContentCopyIcon from "@mui/icons-material/ContentCopy";
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from "@mui/material";
import { useNotify, useTranslate } from "react-admin";
import { formatSeoul } from "../time";

interface SecretDialogProps {
  secret: string;
  /** After a rotation: until when the old secret signs too. */
  previousSecretUntil?: string | null;
  onClose: () => void;
}

/**
 * The signing secret, shown the one time the server sends it. The caller drops it from its state
 * on close, so that nothing on the page can show it again.
 */
export function SecretDialog({ secret, previousSecretUntil, onClose }: SecretDialogProps) {
  const translate = useTranslate();
  const notify = useNotify();
  const copy = async (): Promise<void> => {
    await navigator.clipboard.writeText(secret);
    notify("resources.webhooks.secret.copied", { type: "info" });
  };
  return (
    <Dialog open fullWidth maxWidth="sm" data-testid="secret-dialog" sx={{ wordBreak: "keep-all" }}>
      <DialogTitle>{translate(previousSecretUntil ? "resources.webhooks.secret.rotated_title" : "resources.webhooks.secret.created_title")}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Alert severity="warning" data-testid="secret-warning">
            {translate("resources.webhooks.secret.warning")}
          </Alert>
          <Stack direction="row" spacing={1} sx={{ alignItems: "center" }}>
            <Box
              component="code"
              data-testid="webhook-secret"
              sx={{ flex: 1, p: 1, bgcolor: "action.hover", borderRadius: 1, fontFamily: "monospace", wordBreak: "break-all", userSelect: "all" }}
            >
              {secret}
            </Box>
            <Button startIcon={<ContentCopyIcon />} onClick={() => void copy()} data-testid="copy-secret">
              {translate("resources.webhooks.secret.copy")}
            </Button>
          </Stack>
          {previousSecretUntil && (
            <Typography variant="body2" data-testid="rotation-note">
              {translate("resources.webhooks.secret.rotated_note", { until: formatSeoul(previousSecretUntil) })}
            </Typography>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose} data-testid="secret-stored">
          {translate("resources.webhooks.secret.stored")}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
