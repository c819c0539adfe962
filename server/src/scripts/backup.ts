// `npm run backup -- --out <file>`. With DATABASE_URL: pg_dump in its custom format. Otherwise the
// running embedded server (which owns DATA_DIR) dumps its database, downloaded from GET /backup.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../config";
import { checkPgDump, runPgTool } from "./pg-tools";
import { runScript } from "./run-script";

async function graphql<T>(base: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (!body.data || body.errors?.length) throw new Error(body.errors?.[0]?.message ?? `HTTP ${response.status}`);
  return body.data;
}

/** Signs in as ADMIN_EMAIL/ADMIN_PASSWORD unless BACKUP_TOKEN holds a session token. */
async function download(base: string, file: string): Promise<void> {
  let token = process.env.BACKUP_TOKEN?.trim();
  const signedIn = !token;
  if (!token) {
    const email = process.env.ADMIN_EMAIL?.trim();
    const password = process.env.ADMIN_PASSWORD;
    if (!email || !password) throw new Error("set BACKUP_TOKEN, or ADMIN_EMAIL and ADMIN_PASSWORD, to sign in to the running server");
    const { login } = await graphql<{ login: { token: string } }>(
      base,
      "mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }",
      { email, password },
    );
    token = login.token;
  }
  try {
    const response = await fetch(`${base}/backup`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { message?: string };
      throw new Error(`the server refused the backup (HTTP ${response.status}): ${body.message ?? response.statusText}`);
    }
    fs.writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  } finally {
    if (signedIn) await graphql(base, "mutation { logout }", {}, token);
  }
}

runScript("backup", async () => {
  const { values } = parseArgs({ options: { out: { type: "string" } } });
  if (!values.out) throw new Error("usage: npm run backup -- --out <file>");
  const out = path.resolve(values.out);
  const config = loadConfig();
  // Written under another name and renamed at the end: a failed backup never looks like a good one.
  const partial = `${out}.partial`;
  const started = Date.now();
  try {
    if (config.databaseUrl) {
      await checkPgDump(config.databaseUrl);
      await runPgTool("pg_dump", ["--format=custom", `--file=${partial}`], config.databaseUrl);
    } else {
      const base = (process.env.BACKUP_URL?.trim() || `http://127.0.0.1:${config.port}`).replace(/\/+$/, "");
      await download(base, partial).catch((error: Error) => {
        throw error.message === "fetch failed" ? new Error(`cannot reach the server at ${base} (is it running? set BACKUP_URL)`) : error;
      });
    }
    fs.renameSync(partial, out);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  console.log(`backup: wrote ${out} (${fs.statSync(out).size} bytes, ${Date.now() - started} ms)`);
});
