import type { TranslateFunction } from "react-admin";
import { serverErrorText, type ErrorText } from "../errors";
import { ServerError } from "../graphql";

/** What a report body's `<img>` needs of an uploaded image. */
export interface UploadedImage {
  /** The path to put in `src` (`/images/<sha256>`): bodies keep it relative, the server makes it absolute for clients. */
  url: string;
  width: number;
  height: number;
  alt: string;
}

/** A refusal of POST /images: `{ statusCode, code, message }` and details such as `field`. */
interface Refusal {
  statusCode?: number;
  code?: string;
  message?: string;
  [detail: string]: unknown;
}

/**
 * Uploads a chart or figure (PNG, JPEG or WebP, at most 5 MB) with its alt text, as the signed-in
 * editor: the session cookie, and the header without which the server refuses a form post as
 * cross-site (as /graphql does). The server judges the type by the bytes and reads the size from
 * them. A refusal throws ServerError; `uploadErrorText` names its text.
 */
export async function uploadImage(file: Blob, alt: string): Promise<UploadedImage> {
  const form = new FormData();
  form.append("alt", alt);
  form.append("file", file);
  const response = await fetch("/images", {
    method: "POST",
    body: form,
    credentials: "include",
    headers: { "apollo-require-preflight": "true" },
  });
  const answer = (await response.json().catch(() => ({}))) as Refusal & Partial<UploadedImage>;
  if (!response.ok) {
    const { code, message, statusCode: _status, ...details } = answer;
    throw new ServerError(code ?? "INTERNAL_SERVER_ERROR", message ?? response.statusText, details);
  }
  return { url: String(answer.url), width: Number(answer.width), height: Number(answer.height), alt: String(answer.alt) };
}

/**
 * The text of an upload's refusal: the upload's own (admin/src/images/messages.ts) for who may
 * upload, the size and type of the file and its description, else the text of the error's reason.
 */
export function uploadErrorText(error: unknown, translate: TranslateFunction): ErrorText {
  if (!(error instanceof ServerError)) return { key: "images.errors.INTERNAL_SERVER_ERROR", args: {} };
  if (error.field === "alt") return { key: "images.errors.ALT", args: {} };
  return ["UNAUTHENTICATED", "FORBIDDEN", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE"].includes(error.code)
    ? { key: `images.errors.${error.code}`, args: {} }
    : serverErrorText(error, translate);
}
