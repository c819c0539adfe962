import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from "@mui/material";
import { useState, type ReactNode } from "react";
import { useNotify, useRefresh, useTranslate } from "react-admin";
import { useServerErrorNotifier } from "../errors";
import type { messages } from "./messages";

/** A step that succeeded, as its notice says (`workflow.done.<step>`). */
export type DoneStep = keyof (typeof messages)["en"]["workflow"]["done"];

interface StepProps {
  label: string;
  testId: string;
  done: DoneStep;
  run: () => Promise<unknown>;
  /** A dialog body; when given, the step runs only after the user confirms it. */
  dialog?: { title: string; body: ReactNode; canConfirm?: boolean };
  variant?: "contained" | "outlined";
  disabled?: boolean;
}

/** One workflow step: runs the server mutation (pessimistic: the screen changes only on success). */
export function StepButton({ label, testId, done, run, dialog, variant = "outlined", disabled = false }: StepProps) {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const onError = useServerErrorNotifier();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const go = async (): Promise<void> => {
    setBusy(true);
    try {
      await run();
      setOpen(false);
      notify(`workflow.done.${done}`, { type: "success" });
      refresh();
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant={variant} disabled={busy || disabled} onClick={() => (dialog ? setOpen(true) : void go())} data-testid={testId}>
        {translate(label)}
      </Button>
      {dialog && (
        <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
          <DialogTitle>{dialog.title}</DialogTitle>
          <DialogContent>{dialog.body}</DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{translate("workflow.cancel")}</Button>
            <Button variant="contained" disabled={busy || dialog.canConfirm === false} onClick={() => void go()} data-testid={`${testId}-confirm`}>
              {translate("workflow.confirm")}
            </Button>
          </DialogActions>
        </Dialog>
      )}
    </>
  );
}
