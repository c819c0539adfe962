import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from "@mui/material";
import { useState } from "react";
import { Edit, useRefresh, useTranslate } from "react-admin";
import { useServerErrorNotifier } from "../errors";
import { ServerError } from "../graphql";
import { ReportForm } from "./ReportForm";

/**
 * Edits the draft, or the working copy of a live report. A save against a stale version is
 * refused by the server (CONFLICT, reason STALE_VERSION); the editor is offered a reload instead of an overwrite.
 */
export function ReportEdit() {
  const translate = useTranslate();
  const refresh = useRefresh();
  const notifyError = useServerErrorNotifier();
  const [stale, setStale] = useState(false);
  const onError = (error: unknown): void => {
    if (error instanceof ServerError && error.reason === "STALE_VERSION") setStale(true);
    else notifyError(error);
  };
  return (
    <>
      <Edit mutationMode="pessimistic" redirect="show" mutationOptions={{ onError }}>
        <ReportForm />
      </Edit>
      <Dialog open={stale} onClose={() => setStale(false)} data-testid="stale-dialog">
        <DialogTitle>{translate("report.stale_title")}</DialogTitle>
        <DialogContent>{translate("report.stale_body")}</DialogContent>
        <DialogActions>
          <Button onClick={() => setStale(false)}>{translate("workflow.cancel")}</Button>
          <Button
            variant="contained"
            onClick={() => {
              setStale(false);
              refresh();
            }}
          >
            {translate("report.stale_reload")}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
