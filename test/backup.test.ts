import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { GraphQLClient } from "graphql-request";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, MODE, serverForThisFile, startServer, type RunningServer, type TestDatabase } from "./helpers/server";
import { ADMIN, createStaff, signIn, STAFF_ENV, type StaffMember } from "./helpers/staff";
import { APPROVE, ATTACH, CREATE, demoFirm, draftInput, eventually, PUBLISH, RETRACT, run, SUBMIT, UPDATE, type ReportState } from "./helpers/workflow";
import { agreeingFacts, reportFactsSql, streamWrites } from "./helpers/write-stream";
import { png, uploadImage } from "./helpers/images";

const running = serverForThisFile(STAFF_ENV);
const scriptsDir = path.resolve(__dirname, "../dist/server/src/scripts");
const endpoint = (pathname: string): string => running.server().url.replace("/graphql", pathname);

/** Runs `npm run backup|restore` as an operator would (the compiled script), with `env` on top. */
function runScript(name: "backup" | "restore", args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    // DATABASE_URL decides the mode, so the test's own environment must not leak one in.
    const child = spawn(process.execPath, [path.join(scriptsDir, `${name}.js`), ...args], { env: { ...process.env, DATABASE_URL: "", ...env } });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

/**
 * What a restore must bring back: the ids of every report, revision and audit event, and a count
 * and checksum of the full rows of every table.
 */
async function contentsOf(db: TestDatabase): Promise<{ ids: Record<string, string[]>; tables: Record<string, string> }> {
  const tables = (await db.sql(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).map((r) => r.tablename as string);
  const sums = await db.sql(
    tables
      .map((t) => `SELECT '${t}' AS t, count(*) || ':' || md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS sum FROM "${t}" x`)
      .join(" UNION ALL "),
  );
  const ids = await db.sql(
    ["reports", "report_revisions", "audit_events"].map((t) => `SELECT '${t}' AS t, array_agg(id::text ORDER BY id::text) AS ids FROM ${t}`).join(" UNION ALL "),
  );
  return {
    ids: Object.fromEntries(ids.map((r) => [r.t as string, r.ids as string[]])),
    tables: Object.fromEntries(sums.map((r) => [r.t as string, r.sum as string])),
  };
}

const PUBLIC_READ = `query($id: ID) { report(id: $id) {
  id slug title subject summary body status publishedAt correctedAt retraction { reason at }
  firm { name } analysts { name } disclaimer { text checksum templateVersion } } }`;
const STAFF_READ = `query($id: ID) { report(id: $id) {
  version revisions { id number content { title summary } } auditTrail(first: 100) { nodes { id action actorEmail at } }
  publicationPeriods { contentChecksum disclaimerChecksum liveFrom liveUntil } } }`;

const archivePath = (): string => path.join(os.tmpdir(), `rd-backup-${process.pid}-${Date.now()}.${MODE === "embedded" ? "tar.gz" : "dump"}`);
/** The embedded server is asked for its dump (as the admin); a server PostgreSQL is dumped directly. */
const backupEnv = (): Record<string, string> =>
  MODE === "embedded" ? { BACKUP_URL: endpoint(""), BACKUP_TOKEN: admin.token } : running.db().env;

let admin: { client: GraphQLClient; token: string };
let editor: StaffMember;
let reviewer: StaffMember;

beforeAll(async () => {
  admin = await signIn(running.server(), ADMIN.email, ADMIN.password);
  editor = await createStaff(running.server(), admin.client, "EDITOR");
  reviewer = await createStaff(running.server(), admin.client, "REVIEWER");
});

describe("backups", () => {
  it("serves GET /backup to admins only: 401 for anonymous clients, 403 for other staff", async () => {
    expect((await fetch(endpoint("/backup"))).status).toBe(401);
    expect((await fetch(endpoint("/backup"), { headers: { authorization: "Bearer not-a-session" } })).status).toBe(401);
    const refused = await fetch(endpoint("/backup"), { headers: { authorization: `Bearer ${(await signIn(running.server(), editor.email, editor.password)).token}` } });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("content-type")).not.toMatch(/gzip/);
    if (MODE === "embedded") {
      const archive = await fetch(endpoint("/backup"), { headers: { authorization: `Bearer ${admin.token}` } });
      expect(archive.status).toBe(200);
      expect(archive.headers.get("content-type")).toBe("application/gzip");
      expect(archive.headers.get("content-disposition")).toMatch(/^attachment; filename="research-desk-\d{8}T\d{6}Z\.tar\.gz"$/);
      expect(archive.headers.get("cache-control")).toBe("no-store");
      expect((await archive.arrayBuffer()).byteLength).toBeGreaterThan(1_000_000);
      // The command signs in with the given account and reports the refusal.
      const { code, output } = await runScript("backup", ["--out", path.join(os.tmpdir(), "never.tar.gz")], {
        BACKUP_URL: endpoint(""),
        ADMIN_EMAIL: editor.email,
        ADMIN_PASSWORD: editor.password,
      });
      expect(code).toBe(1);
      expect(output.trim()).toBe("backup: the server refused the backup (HTTP 403): only admins may take a backup");
    } else {
      const answer = await fetch(endpoint("/backup"), { headers: { authorization: `Bearer ${admin.token}` } });
      expect(answer.status).toBe(501);
      expect(((await answer.json()) as { message: string }).message).toMatch(/pg_dump/);
    }
  });

  it("takes a consistent backup while writes stream in", async () => {
    const prefix = "[동시백업랩]";
    const stream = streamWrites(editor.client, await demoFirm(editor.client), prefix);
    await eventually(async () => stream.writes(), (n) => n >= 20, 60_000);
    const answeredBefore = new Map(stream.acknowledged);
    const file = archivePath();
    const backup = await runScript("backup", ["--out", file], backupEnv());
    await stream.stop();
    expect(backup, backup.output).toMatchObject({ code: 0 });
    const fresh = await createTestDatabase();
    try {
      expect((await runScript("restore", [file], fresh.env)).code).toBe(0);
      const rows = await fresh.sql(reportFactsSql(prefix));
      // Whatever was answered before the backup began is in it, and no write is in it by halves.
      const versions = new Map(rows.map((r) => [r.id, r.version as number]));
      for (const [id, acked] of answeredBefore) expect(versions.get(id), acked.title).toBeGreaterThanOrEqual(acked.version);
      for (const r of rows) expect(r, `report ${r.title}`).toMatchObject(agreeingFacts(r));
      console.log(`backup under writes (${MODE}): ${answeredBefore.size} reports answered before, ${rows.length} in the backup, ${stream.writes()} writes in all`);
    } finally {
      fs.rmSync(file, { force: true });
      await fresh.drop();
    }
  });

  it("restores a backup into a fresh database with every report, revision and audit event", async () => {
    // Content made through the API: drafts with edits, published reports, a correction, a retraction.
    const firm = await demoFirm(editor.client);
    const draft = (title: string, body?: string): Promise<ReportState> =>
      run(editor.client, CREATE, { input: { ...draftInput(firm, title), ...(body && { body }) } });
    const publish = async (title: string, body?: string): Promise<ReportState> => {
      const report = await draft(title, body);
      await run(editor.client, ATTACH, { id: report.id });
      await run(editor.client, SUBMIT, { id: report.id });
      await run(reviewer.client, APPROVE, { id: report.id, note: "확인" });
      return run(editor.client, PUBLISH, { id: report.id });
    };
    const edited = await draft("[백업랩] 고쳐 쓴 초안");
    const second = await run(editor.client, UPDATE, { id: edited.id, input: { title: "[백업랩] 고쳐 쓴 초안 (2판)" }, v: edited.version });
    await run(editor.client, UPDATE, { id: edited.id, input: { summary: ["고친 요점", "요점 둘"] }, v: second.version });
    const live = await publish("[백업랩] 게시된 보고서");
    const corrected = await publish("[백업랩] 정정된 보고서");
    const copy = await run(editor.client, UPDATE, { id: corrected.id, input: { title: "[백업랩] 정정된 보고서 (정정)" }, v: corrected.version });
    await run(editor.client, ATTACH, { id: copy.id });
    await run(editor.client, SUBMIT, { id: copy.id, correctionNote: "제목을 고쳤습니다." });
    await run(reviewer.client, APPROVE, { id: copy.id, note: "정정 확인" });
    expect((await run(editor.client, PUBLISH, { id: copy.id })).correctedAt).not.toBeNull();
    const retracted = await publish("[백업랩] 철회된 보고서");
    await run(editor.client, RETRACT, { id: retracted.id, reason: "수치 오류" });
    // Images live in the database, so the backup carries them.
    const chart = png(24, 12);
    const image = await uploadImage(running.server(), (await signIn(running.server(), editor.email, editor.password)).token, chart, "백업된 차트");
    const pictured = await publish("[백업랩] 차트가 있는 보고서", `<p>차트</p><img src="${image.url}" alt="백업된 차트" />`);

    const checked = [edited.id, live.id, corrected.id, retracted.id, pictured.id];
    const readAll = (server: RunningServer, staff: GraphQLClient): Promise<unknown[]> =>
      Promise.all(checked.flatMap((id) => [server.client.request(PUBLIC_READ, { id }), staff.request(STAFF_READ, { id })]));
    const before = await readAll(running.server(), admin.client);

    const file = archivePath();
    let started = Date.now();
    const backup = await runScript("backup", ["--out", file], backupEnv());
    const backupMs = Date.now() - started;
    expect(backup, backup.output).toMatchObject({ code: 0 });
    const archive = fs.readFileSync(file);
    expect(archive.subarray(0, MODE === "embedded" ? 2 : 5).toString("latin1")).toBe(MODE === "embedded" ? "\x1f\x8b" : "PGDMP");

    // Nothing is written after the backup: the source stopped at exactly what the backup holds.
    expect(await running.server().stop()).toBe(0);
    const source = await contentsOf(running.db());

    const fresh = await createTestDatabase();
    try {
      started = Date.now();
      const restore = await runScript("restore", [file], fresh.env);
      const restoreMs = Date.now() - started;
      expect(restore, restore.output).toMatchObject({ code: 0 });
      console.log(`backup (${MODE}): ${archive.length} bytes in ${backupMs} ms; restore in ${restoreMs} ms; ` +
        `${source.ids.reports.length} reports, ${source.ids.report_revisions.length} revisions, ${source.ids.audit_events.length} audit events`);

      const restored = await contentsOf(fresh);
      expect(restored.ids).toEqual(source.ids);
      expect(restored.tables).toEqual(source.tables);
      expect(source.ids.audit_events.length).toBeGreaterThan(50);

      // A second restore into a database that has data is refused without --force.
      const again = await runScript("restore", [file], fresh.env);
      expect(again.code).toBe(1);
      expect(again.output).toMatch(/^restore: .*(already holds a database|is not empty)/);

      const server = await startServer(fresh, { SEED_DEMO: "false" });
      try {
        const staff = await signIn(server, ADMIN.email, ADMIN.password); // the password hash came back too
        expect(await readAll(server, staff.client)).toEqual(before);
        const restoredImage = await fetch(server.url.replace("/graphql", image.url));
        expect(restoredImage.status).toBe(200);
        expect(Buffer.from(await restoredImage.arrayBuffer()).equals(chart)).toBe(true);
        if (MODE === "embedded") {
          const { auditEvents } = await staff.client.request<{ auditEvents: { nodes: { actorEmail: string }[] } }>(
            `{ auditEvents(filter: { action: "BACKUP" }) { nodes { actorEmail } } }`,
          );
          // One per backup this file took; the last was recorded before its own dump.
          expect(auditEvents.nodes).toEqual(Array(3).fill({ actorEmail: ADMIN.email }));
        }
        // No restore over a database a server is using.
        const busy = await runScript("restore", [file, "--force"], fresh.env);
        expect(busy.code).toBe(1);
        expect(busy.output).toMatch(/^restore: .*(is in use by another Research Desk process|connection\(s\) are open)/);
      } finally {
        expect(await server.stop()).toBe(0);
      }
    } finally {
      fs.rmSync(file, { force: true });
      await fresh.drop();
    }
  });
});
