import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, LinearProgress, Stack } from "@mui/material";
import { useState } from "react";
import { useDataProvider, useRefresh, useTranslate } from "react-admin";
import type { ResearchDeskDataProvider } from "../dataProvider";
import { useServerErrorNotifier } from "../errors";
import type { RenewalSkipReason } from "../gql/graphql";

interface Tally {
  renewed: number;
  skipped: Partial<Record<RenewalSkipReason, number>>;
  state: "running" | "done" | "failed";
}

/** What the renewal did, grouped by why a report was left as it was. */
function Summary({ tally }: { tally: Tally }) {
  const translate = useTranslate();
  const skipped = Object.entries(tally.skipped) as [RenewalSkipReason, number][];
  const total = skipped.reduce((sum, [, n]) => sum + n, 0);
  return (
    <Alert severity={tally.state === "failed" ? "error" : "success"} data-testid="renewal-summary" data-renewed={tally.renewed} data-skipped={total}>
      {translate(tally.state === "failed" ? "compliance.renewal_failed" : "compliance.renewal_done", { renewed: tally.renewed, skipped: total })}
      {skipped.length > 0 && (
        <Box component="ul" sx={{ my: 0, pl: 3 }}>
          {skipped.map(([reason, n]) => (
            <li key={reason} data-testid="renewal-skip" data-reason={reason} data-count={n}>
              {translate(`compliance.skip.${reason}`, { count: n })}
            </li>
          ))}
        </Box>
      )}
    </Alert>
  );
}

/**
 * Renews the disclaimer of every live or scheduled report of the firm that carries an outdated
 * version, batch after batch (each batch is one server transaction), then refreshes the list.
 */
export function RenewAll({ firmId, firmName }: { firmId: string; firmName: string }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ResearchDeskDataProvider>();
  const refresh = useRefresh();
  const onError = useServerErrorNotifier();
  const [confirming, setConfirming] = useState(false);
  const [tally, setTally] = useState<Tally | null>(null);

  const renew = async (): Promise<void> => {
    setConfirming(false);
    let next: Tally = { renewed: 0, skipped: {}, state: "running" };
    setTally(next);
    try {
      let after: string | null = null;
      for (;;) {
        const batch = await dataProvider.renewOutdatedDisclaimers(firmId, after);
        const skipped = { ...next.skipped };
        for (const skip of batch.skipped) skipped[skip.reason] = (skipped[skip.reason] ?? 0) + 1;
        next = { ...next, renewed: next.renewed + batch.renewed, skipped };
        setTally(next);
        if (!batch.hasMore || batch.endCursor === null) break;
        after = batch.endCursor;
      }
      setTally({ ...next, state: "done" });
    } catch (error) {
      // The batches before the failure are committed: the summary counts them.
      onError(error);
      setTally({ ...next, state: "failed" });
    }
    refresh();
  };

  return (
    <Stack spacing={1} sx={{ mb: 2 }}>
      <Box>
        <Button variant="contained" disabled={tally?.state === "running"} onClick={() => setConfirming(true)} data-testid="renew-all">
          {translate("compliance.renew_all")}
        </Button>
      </Box>
      {tally?.state === "running" && (
        <Alert severity="info" data-testid="renewal-progress">
          {translate("compliance.renewal_progress", { renewed: tally.renewed })}
          <LinearProgress sx={{ mt: 1 }} />
        </Alert>
      )}
      {tally && tally.state !== "running" && <Summary tally={tally} />}
      <Dialog open={confirming} onClose={() => setConfirming(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate("compliance.renew_all_title", { firm: firmName })}</DialogTitle>
        <DialogContent>{translate("compliance.renew_all_body", { firm: firmName })}</DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)}>{translate("workflow.cancel")}</Button>
          <Button variant="contained" onClick={() => void renew()} data-testid="renew-all-confirm">
            {translate("workflow.confirm")}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
