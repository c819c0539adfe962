import type { GraphQLClient } from "graphql-request";
import { beforeAll, describe, expect, it } from "vitest";
import { codesOf, errorsOf, statementsFor } from "./helpers/graphql";
import { serverForThisFile } from "./helpers/server";
import { ADMIN, createStaff, signIn, STAFF_ENV, type StaffMember } from "./helpers/staff";
import { APPROVE, ATTACH, createDraft, createFirm, PUBLISH, run, SUBMIT, UPDATE } from "./helpers/workflow";

const running = serverForThisFile(STAFF_ENV);

let admin: GraphQLClient;
let editor: StaffMember;
let otherEditor: StaffMember;
let reviewer: StaffMember;

interface Event {
  action: string;
  actor: { id: string; name: string } | null;
  actorId: string | null;
  entityType: string;
  entityId: string | null;
  entityTitle: string | null;
  entityFirmId: string | null;
}

const EVENTS = `query($filter: AuditFilter, $first: Int) {
  auditEvents(filter: $filter, first: $first) { nodes { action actor { id name } actorId entityType entityId entityTitle entityFirmId } }
}`;

async function events(filter: Record<string, unknown>, first = 100): Promise<Event[]> {
  return (await admin.request<{ auditEvents: { nodes: Event[] } }>(EVENTS, { filter, first })).auditEvents.nodes;
}

beforeAll(async () => {
  const server = running.server();
  admin = (await signIn(server, ADMIN.email, ADMIN.password)).client;
  editor = await createStaff(server, admin, "EDITOR");
  otherEditor = await createStaff(server, admin, "EDITOR");
  reviewer = await createStaff(server, admin, "REVIEWER");
  await admin.request(`mutation($id: ID!) { updateUser(id: $id, input: { name: "김편집" }) { id } }`, { id: editor.id });
  await admin.request(`mutation($id: ID!) { updateUser(id: $id, input: { name: "이정정" }) { id } }`, { id: otherEditor.id });
});

describe("the audit log in words", () => {
  it("names the actor and the entity as they are now, and the firm of a disclaimer template", async () => {
    const firm = await createFirm(editor.client);
    const report = await createDraft(editor.client, firm, "[감사랩] 처음 제목");
    await editor.client.request(UPDATE, { id: report.id, input: { title: "[감사랩] 바뀐 제목" }, v: report.version });

    const mine = await events({ actorId: editor.id });
    expect(mine.length).toBeGreaterThanOrEqual(5);
    for (const event of mine) expect(event.actor).toEqual({ id: editor.id, name: "김편집" });
    const onReport = mine.filter((e) => e.entityId === report.id);
    expect(onReport.map((e) => e.action).sort()).toEqual(["CREATE", "UPDATE"]);
    // The report's title now, also on the event written under its first title.
    for (const event of onReport) expect(event.entityTitle).toBe("[감사랩] 바뀐 제목");

    const { firm: named } = await admin.request<{ firm: { name: string } }>(`query($id: ID) { firm(id: $id) { name } }`, { id: firm.id });
    const template = mine.find((e) => e.entityType === "DisclaimerTemplate")!;
    expect(template).toMatchObject({ entityTitle: named.name, entityFirmId: firm.id });
    expect(mine.find((e) => e.entityType === "Firm")).toMatchObject({ entityId: firm.id, entityTitle: named.name, entityFirmId: null });
    expect(mine.find((e) => e.entityType === "Analyst")).toMatchObject({ entityId: firm.analystId, entityTitle: "홍길동" });

    // The admin's own events: a user they renamed goes by the new name.
    const renamed = (await events({ entityType: "User", entityId: otherEditor.id })).find((e) => e.action === "UPDATE")!;
    expect(renamed.entityTitle).toBe("이정정");
    expect(renamed.actor?.id).toBe((await signIn(running.server(), ADMIN.email, ADMIN.password)).id);
  });

  it("falls back to the name the event recorded once the entity is gone, and has no actor for the system", async () => {
    const firm = await createFirm(editor.client);
    const report = await createDraft(editor.client, firm, "[감사랩] 지워질 초안");
    await editor.client.request(`mutation($id: ID!) { deleteReport(id: $id) }`, { id: report.id });
    const trail = await events({ entityType: "Report", entityId: report.id });
    expect(trail.map((e) => [e.action, e.entityTitle])).toEqual([
      ["DELETE", "[감사랩] 지워질 초안"],
      ["CREATE", "[감사랩] 지워질 초안"],
    ]);

    // The demo seed acted as the system.
    const seeded = (await events({ entityType: "Firm" }, 100)).filter((e) => e.actorId === null);
    expect(seeded.length).toBeGreaterThan(0);
    for (const event of seeded) {
      expect(event.actor).toBeNull();
      expect(event.entityTitle).toBeTruthy();
    }
  });

  it("lists every action for the filter, to admins only", async () => {
    const { auditActions } = await admin.request<{ auditActions: string[] }>(`{ auditActions }`);
    expect(auditActions).toContain("PUBLISH_CORRECTION");
    expect(auditActions).toContain("LOGIN_FAILED");
    expect(new Set(auditActions).size).toBe(auditActions.length);
    expect(codesOf(await errorsOf(editor.client, `{ auditActions }`))).toEqual(["FORBIDDEN"]);
  });
});

describe("search for pickers", () => {
  it("finds users by part of the name in Hangul or of the e-mail in any case", async () => {
    const search = async (text: string): Promise<string[]> =>
      (await admin.request<{ users: { nodes: { id: string }[] } }>(`query($s: String) { users(search: $s, first: 100) { nodes { id } } }`, { s: text })).users.nodes.map(
        (u) => u.id,
      );
    expect(await search("김편")).toEqual([editor.id]);
    // Decomposed Hangul, as a macOS keyboard sends it, finds the same.
    expect(await search("김편".normalize("NFD"))).toEqual([editor.id]);
    expect(await search(otherEditor.email.toUpperCase())).toEqual([otherEditor.id]);
    expect(await search("정정")).toEqual([otherEditor.id]);
    expect((await search("없는사람")).length).toBe(0);
    const { users } = await admin.request<{ users: { totalCount: number } }>(`query($s: String) { users(search: $s) { totalCount } }`, {
      s: reviewer.email.split("@")[0].toUpperCase(),
    });
    expect(users.totalCount).toBe(1);
  });

  it("finds firms, analysts and tags by part of the Korean or the English name", async () => {
    const { createFirm: firm } = await editor.client.request<{ createFirm: { id: string } }>(
      `mutation { createFirm(input: { name: "검색해볼증권", nameEn: "Findme Securities" }) { id } }`,
    );
    const firms = async (text: string): Promise<string[]> =>
      (await admin.request<{ firms: { nodes: { id: string }[] } }>(`query($s: String) { firms(search: $s) { nodes { id } } }`, { s: text })).firms.nodes.map((f) => f.id);
    expect(await firms("해볼")).toEqual([firm.id]);
    expect(await firms("findME")).toEqual([firm.id]);
    expect(await firms("50%_")).toEqual([]);
    const { sectorTags } = await admin.request<{ sectorTags: { totalCount: number; nodes: { name: string }[] } }>(
      `{ sectorTags(first: 100) { totalCount nodes { name } } }`,
    );
    const some = sectorTags.nodes[0].name;
    const found = await admin.request<{ sectorTags: { nodes: { name: string }[] } }>(`query($s: String) { sectorTags(search: $s, first: 100) { nodes { name } } }`, {
      s: some.slice(0, 2),
    });
    expect(found.sectorTags.nodes.map((t) => t.name)).toContain(some);
    expect(found.sectorTags.nodes.length).toBeLessThan(sectorTags.totalCount);
  });
});

describe("the review queue", () => {
  const QUEUE = `{ reviewQueue(first: 100) { nodes { reportId correction submittedAt author { id name } } } }`;
  type Item = { reportId: string; correction: boolean; submittedAt: string; author: { id: string; name: string } | null };
  const queue = async (): Promise<Item[]> => (await reviewer.client.request<{ reviewQueue: { nodes: Item[] } }>(QUEUE)).reviewQueue.nodes;

  it("names the author of a new report and of a correction, and says since when each waits", async () => {
    const firm = await createFirm(editor.client);
    const fresh = await createDraft(editor.client, firm, "[대기랩] 새 보고서");
    await run(editor.client, ATTACH, { id: fresh.id });
    const before = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await run(editor.client, SUBMIT, { id: fresh.id });

    // A live report of editor's, corrected by otherEditor.
    const live = await createDraft(editor.client, firm, "[대기랩] 정정될 보고서");
    await run(editor.client, ATTACH, { id: live.id });
    await run(editor.client, SUBMIT, { id: live.id });
    await run(reviewer.client, APPROVE, { id: live.id, note: null });
    const published = await run(editor.client, PUBLISH, { id: live.id });
    await otherEditor.client.request(UPDATE, { id: live.id, input: { title: "[대기랩] 정정된 제목" }, v: published.version });
    await run(otherEditor.client, ATTACH, { id: live.id });
    await run(otherEditor.client, SUBMIT, { id: live.id, correctionNote: "제목을 고쳤습니다." });

    const items = await queue();
    const item = items.find((i) => i.reportId === fresh.id)!;
    expect(item.author).toEqual({ id: editor.id, name: "김편집" });
    expect(new Date(item.submittedAt).getTime()).toBeGreaterThan(before);
    expect(new Date(item.submittedAt).getTime()).toBeLessThanOrEqual(Date.now());
    expect(items.find((i) => i.reportId === live.id)).toMatchObject({ correction: true, author: { id: otherEditor.id, name: "이정정" } });
  });

  it("reads the authors of the whole queue in one statement", async () => {
    const plain = await statementsFor(reviewer.client, `{ reviewQueue(first: 100) { nodes { reportId submittedAt } } }`);
    const named = await statementsFor(reviewer.client, QUEUE);
    expect(named - plain).toBe(1);
  });
});
