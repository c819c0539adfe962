import fs from "node:fs";
import path from "node:path";
import { newSecretKey, parseSecretKey } from "../../kernel/secret-box";

const FILE = "webhook-secret.key";

/**
 * The embedded mode's key for sealing webhook secrets when WEBHOOK_SECRET_KEY is not set: kept
 * beside the database in DATA_DIR (readable by the owner only), made on first use. Losing it makes
 * the stored secrets unusable, so a backup of DATA_DIR must include it.
 */
export function embeddedWebhookKey(dataDir: string): Buffer {
  const file = path.join(dataDir, FILE);
  try {
    return parseSecretKey(fs.readFileSync(file, "utf8").trim());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const key = newSecretKey();
  fs.mkdirSync(dataDir, { recursive: true });
  // "wx": two processes starting at once cannot both write a key.
  fs.writeFileSync(file, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  return key;
}
