import { useCallback } from "react";
import { useNotify } from "react-admin";
import { ServerError } from "./graphql";

/**
 * Shows a server error as a translated message with its details (`errors.<CODE>`), for every
 * mutation the screens run (pass it as `mutationOptions.onError` to Create and Edit).
 */
export function useServerErrorNotifier(): (error: unknown) => void {
  const notify = useNotify();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ServerError) {
        // An outdated disclaimer is a refusal of its own: the firm issued a version after the attach.
        const outdated = error.code === "DISCLAIMER_REQUIRED" && error.extensions.reason === "OUTDATED";
        notify(outdated ? "errors.DISCLAIMER_OUTDATED" : `errors.${error.code}`, { type: "error", messageArgs: { ...error.extensions, message: error.body.message, _: error.body.message } });
      } else {
        notify("errors.INTERNAL_SERVER_ERROR", { type: "error" });
      }
    },
    [notify],
  );
}
