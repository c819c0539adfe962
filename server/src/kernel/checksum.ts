import { createHash } from "node:crypto";

/** Equal to PostgreSQL's encode(sha256(convert_to(text, 'UTF8')), 'hex'). */
export const sha256Hex = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");
