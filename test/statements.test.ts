import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyPublishedReports } from "./helpers/copies";
import { statementsFor } from "./helpers/graphql";
import { createTestDatabase, startServer, type RunningServer, type TestDatabase } from "./helpers/server";
import { ADMIN, signIn, STAFF_ENV } from "./helpers/staff";

const COPIES = 6;

const PAGE = `query($first: Int) {
  reports(first: $first) {
    nodes { id title firm { name } analysts { name } sectorTags { name } disclaimer { text checksum } }
  }
}`;

let db: TestDatabase;
let server: RunningServer;
let published = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  // First start: migrate and seed. Then add rows while the server is down, and start it again on
  // the same data, which also shows that a restart keeps (and does not re-seed) the data.
  const first = await startServer(db);
  const before = await first.client.request<{ reports: { totalCount: number } }>(`{ reports { totalCount } }`);
  expect(await first.stop()).toBe(0);
  const [row] = await db.sql(copyPublishedReports(COPIES));
  published = row.n as number;
  expect(published).toBe(before.reports.totalCount * (COPIES + 1));
  server = await startServer(db, STAFF_ENV);
});

afterAll(async () => {
  await server?.stop();
  await db?.drop();
});

describe("SQL statements per request", () => {
  it("keeps the data across a restart without seeding again", async () => {
    const { reports } = await server.client.request<{ reports: { totalCount: number } }>(`{ reports { totalCount } }`);
    expect(reports.totalCount).toBe(published);
    expect(server.output()).not.toContain("Seeded the demo catalogue");
  });

  it("loads a page of 50 reports with firm, analysts, tags and disclaimer in 1 statement, as for 5", async () => {
    expect(published).toBeGreaterThanOrEqual(50);
    const { reports } = await server.client.request<{ reports: { nodes: unknown[] } }>(PAGE, { first: 50 });
    expect(reports.nodes).toHaveLength(50);
    const fifty = await statementsFor(server.client, PAGE, { first: 50 });
    const five = await statementsFor(server.client, PAGE, { first: 5 });
    console.log(`statements: first 50 → ${fifty}, first 5 → ${five}`);
    expect(fifty).toBe(1);
    expect(five).toBe(fifty);
    // The relations are found through fragments too; totalCount adds its own statement.
    const throughFragments = `query($first: Int) { reports(first: $first) { totalCount edges { node { ...Card } } } }
      fragment Card on Report { title ... on Report { firm { name } analysts { name } } sectorTags { name } disclaimer { text } }`;
    expect(await statementsFor(server.client, throughFragments, { first: 50 })).toBe(2);
  });

  it("loads one report by slug with firm, analysts, tags and disclaimer in 1 statement", async () => {
    const { reports } = await server.client.request<{ reports: { nodes: { slug: string }[] } }>(`{ reports(first: 1) { nodes { slug } } }`);
    const one = `query($slug: String) { report(slug: $slug) { title firm { name } analysts { name } sectorTags { name } disclaimer { text } } }`;
    expect(await statementsFor(server.client, one, { slug: reports.nodes[0].slug })).toBe(1);
  });

  it("answers a deeper part of a query with whole relations when a page read only the fields it selected", async () => {
    // The page reads each firm's id and name only; the same reports, reached again through their
    // tags, must still show every field of their firm (and a computed field, analysts, its columns).
    const query = `{
      reports(first: 20) { nodes { id firm { id name } sectorTags { reports(first: 10) { nodes { id firm { id slug nameEn website createdAt analysts { id } } } } } } }
      firms { nodes { id slug nameEn website createdAt analysts { id } } }
    }`;
    type Firm = { id: string; slug: string; nameEn: string | null; website: string | null; createdAt: string; analysts: { id: string }[] };
    type Inner = { id: string; firm: Firm };
    const data = await server.client.request<{
      reports: { nodes: { id: string; sectorTags: { reports: { nodes: Inner[] } }[] }[] };
      firms: { nodes: Firm[] };
    }>(query);
    const firms = new Map(data.firms.nodes.map((f) => [f.id, f]));
    const outer = new Set(data.reports.nodes.map((r) => r.id));
    const inner = data.reports.nodes.flatMap((r) => r.sectorTags.flatMap((t) => t.reports.nodes));
    expect(inner.filter((r) => outer.has(r.id)).length).toBeGreaterThan(0);
    for (const report of inner) expect(report.firm).toEqual(firms.get(report.firm.id));
  });

  it("batches nested report connections across firms, analysts and tags", async () => {
    const nested = (first: number): string => `{
      firms { nodes { name analysts { name } reports(first: ${first}) { totalCount nodes { title analysts { name } sectorTags { name } } } } }
      sectorTags(first: 10) { nodes { name reports(first: ${first}) { nodes { title firm { name } } } } }
    }`;
    const small = await statementsFor(server.client, nested(2));
    const large = await statementsFor(server.client, nested(20));
    console.log(`statements for nested connections: ${small} (2 per parent), ${large} (20 per parent)`);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(8);
  });

  it("batches the audit trails of a page of reports, each the same as the audit log's own answer", async () => {
    const { client } = await signIn(server, ADMIN.email, ADMIN.password);
    type Trail = { totalCount: number; pageInfo: { endCursor: string | null }; nodes: { id: string; action: string }[] };
    const trails = (first: number, after: string | null = null): string => `{
      reports(first: ${first}, filter: { status: PUBLISHED }) { nodes { id auditTrail(first: 2${after ? `, after: "${after}"` : ""}) { totalCount pageInfo { endCursor } nodes { id action } } } }
    }`;
    const small = await statementsFor(client, trails(5));
    const large = await statementsFor(client, trails(50));
    console.log(`statements for audit trails: ${small} (5 reports), ${large} (50 reports)`);
    expect(large).toBe(small);

    const { reports } = await client.request<{ reports: { nodes: { id: string; auditTrail: Trail }[] } }>(trails(50));
    const original = reports.nodes.filter((r) => r.auditTrail.totalCount > 0);
    expect(original.length).toBeGreaterThan(0);
    const log = (id: string, after: string | null): Promise<{ auditEvents: Trail }> =>
      client.request(
        `query($id: String, $after: String) { auditEvents(first: 2, after: $after, filter: { entityType: "Report", entityId: $id }) { totalCount pageInfo { endCursor } nodes { id action } } }`,
        { id, after },
      );
    for (const report of reports.nodes.slice(0, 10)) expect(report.auditTrail).toEqual((await log(report.id, null)).auditEvents);
    // The next page, through the cursor, for reports with more than two events.
    const longer = original.filter((r) => r.auditTrail.totalCount > 2);
    expect(longer.length).toBeGreaterThan(0);
    const cursor = longer[0].auditTrail.pageInfo.endCursor;
    const next = await client.request<{ reports: { nodes: { id: string; auditTrail: Trail }[] } }>(trails(50, cursor));
    const again = next.reports.nodes.find((r) => r.id === longer[0].id)!;
    expect(again.auditTrail).toEqual((await log(longer[0].id, cursor)).auditEvents);
    expect(again.auditTrail.nodes.length).toBeGreaterThan(0);
  });

  it("reads the audit log in words (actors, entity names) with one statement each, a page of 100 as one of 5", async () => {
    const { client } = await signIn(server, ADMIN.email, ADMIN.password);
    const page = (first: number, words: boolean): string =>
      `{ auditEvents(first: ${first}) { nodes { id action entityType entityId ${words ? "actor { id name } entityTitle entityFirmId" : ""} } } }`;
    const { auditEvents } = await client.request<{ auditEvents: { nodes: { actor: unknown; entityType: string }[] } }>(page(100, true));
    // The seed's reports and the admin's sign-ins at least: entities of several types in one statement.
    expect(new Set(auditEvents.nodes.map((e) => e.entityType)).size).toBeGreaterThanOrEqual(2);
    expect(auditEvents.nodes.some((e) => e.actor)).toBe(true);
    const plain = await statementsFor(client, page(100, false));
    const hundred = await statementsFor(client, page(100, true));
    const five = await statementsFor(client, page(5, true));
    console.log(`audit log statements: plain ${plain}, in words 100 → ${hundred}, 5 → ${five}`);
    expect(hundred).toBe(five);
    expect(hundred - plain).toBe(2);
  });
});
