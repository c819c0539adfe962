import { useCallback } from "react";
import { useNotify, useTranslate, type TranslateFunction } from "react-admin";
import type { FieldValues } from "react-hook-form";
import { ServerError } from "./graphql";
import { i18nProvider } from "./i18n";

/** An i18n key with its arguments. */
export interface ErrorText {
  key: string;
  args: Record<string, unknown>;
}

/** Parameters that name values the panel has texts for (a status, roles: "EDITOR, REVIEWER"), by their keys' prefix. */
const NAMED_VALUES: Readonly<Record<string, string>> = { status: "status", roles: "resources.users.roles" };

/**
 * The text of an error: its reason's (`errors.reasons.<REASON>`, with the reason's parameters) when
 * the server gave one, else its code's. A status or role among the parameters is named in the UI's
 * language; the server's English message is the fallback of a reason this panel does not know yet.
 */
export function serverErrorText(error: unknown, translate: TranslateFunction): ErrorText {
  if (!(error instanceof ServerError)) return { key: "errors.INTERNAL_SERVER_ERROR", args: {} };
  const args: Record<string, unknown> = { ...error.extensions, ...error.params, message: error.message, _: error.message };
  for (const [param, prefix] of Object.entries(NAMED_VALUES)) {
    const value = error.params[param];
    if (typeof value === "string") args[param] = value.split(", ").map((name) => translate(`${prefix}.${name}`, { _: name })).join(", ");
  }
  return { key: error.reason ? `errors.reasons.${error.reason}` : `errors.${error.code}`, args };
}

/**
 * A save's refusal of an input the form shows (`sources`: the form source of each API input field),
 * as react-admin's server-side validation takes it: a ServerError whose `body.errors` has the
 * translated text at that source, which the form shows beside the input. Other errors pass as they are.
 */
export function fieldErrorOf(error: unknown, sources: Readonly<Record<string, string>> | undefined): unknown {
  const source = error instanceof ServerError && error.field ? sources?.[error.field] : undefined;
  if (!(error instanceof ServerError) || !source) return error;
  const { key, args } = serverErrorText(error, i18nProvider.translate);
  const text = i18nProvider.translate(key, args);
  // "content.title" → { content: { title: text } }, the shape of the form's values.
  const errors = source.split(".").reduceRight<FieldValues | string>((inner, part) => ({ [part]: inner }), text) as FieldValues;
  return new ServerError(error.code, error.message, error.extensions, errors);
}

/**
 * Shows a server error as its translated text in a notice, for every mutation the screens run
 * (pass it as `mutationOptions.onError` to Create and Edit). An error already shown beside its
 * form input (see fieldErrorOf) needs no notice.
 */
export function useServerErrorNotifier(): (error: unknown) => void {
  const notify = useNotify();
  const translate = useTranslate();
  return useCallback(
    (error: unknown) => {
      if (error instanceof ServerError && error.formErrors) return;
      const { key, args } = serverErrorText(error, translate);
      notify(key, { type: "error", messageArgs: args });
    },
    [notify, translate],
  );
}
