import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { slugify } from "../server/src/kernel/slug";
import { demoFirms, demoReports, publishedDemo } from "./helpers/demo";
import { codesOf, errorsOf } from "./helpers/graphql";
import { serverForThisFile } from "./helpers/server";

interface ReportNode {
  id: string;
  slug: string;
  title: string;
  status: string;
  publishedAt: string | null;
  firm: { id: string; slug: string };
  analysts: { id: string; slug: string; firm: { id: string } }[];
  sectorTags: { id: string; slug: string }[];
  summary: string[] | null;
  body: string | null;
  disclaimer: { text: string; checksum: string; templateVersion: number } | null;
}

interface Connection<T> {
  totalCount: number;
  nodes: T[];
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const REPORT_FIELDS = `id slug title status publishedAt summary body
  firm { id slug } analysts { id slug firm { id } } sectorTags { id slug }
  disclaimer { text checksum templateVersion }`;

const running = serverForThisFile();

async function reports(variables: Record<string, unknown> = {}): Promise<Connection<ReportNode>> {
  const data = await running.server().client.request<{ reports: Connection<ReportNode> }>(
    `query($filter: ReportFilter, $first: Int, $after: String, $orderBy: ReportOrder) {
      reports(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
        totalCount nodes { ${REPORT_FIELDS} } edges { cursor node { id } } pageInfo { hasNextPage endCursor }
      }
    }`,
    variables,
  );
  return data.reports;
}

/** Every page of a listing, following endCursor. */
async function allPages(variables: Record<string, unknown>): Promise<ReportNode[]> {
  const all: ReportNode[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Connection<ReportNode> = await reports({ ...variables, after });
    all.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return all;
    after = page.pageInfo.endCursor;
  }
}

describe("reports for anonymous clients", () => {
  it("lists exactly the published demo reports, each with firm, analysts, tags and an intact disclaimer", async () => {
    const page = await reports({ first: 100 });
    expect(page.totalCount).toBe(publishedDemo.length);
    expect(page.nodes.map((r) => r.title).sort()).toEqual(publishedDemo.map((r) => r.title).sort());
    for (const r of page.nodes) {
      const demo = publishedDemo.find((d) => d.title === r.title)!;
      expect(r.status).toBe("PUBLISHED");
      expect(r.firm.slug).toBe(demo.firmSlug);
      expect(r.analysts.map((a) => a.slug)).toEqual(demo.analystSlugs);
      expect(r.analysts.every((a) => a.firm.id === r.firm.id)).toBe(true);
      expect(r.sectorTags.map((t) => t.slug).sort()).toEqual([...demo.tagSlugs].sort());
      expect(r.summary).toEqual(demo.summary);
      expect(r.body).toBe(demo.body);
      const firm = demoFirms.find((f) => f.slug === demo.firmSlug)!;
      expect(r.disclaimer?.text).toBe(firm.disclaimer);
      expect(r.disclaimer?.checksum).toBe(createHash("sha256").update(firm.disclaimer).digest("hex"));
      expect(r.disclaimer?.templateVersion).toBe(1);
    }
  });

  it("pages newest first with keyset cursors, without gaps or repeats", async () => {
    const all = await allPages({ first: 5 });
    expect(all).toHaveLength(publishedDemo.length);
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    const times = all.map((r) => Date.parse(r.publishedAt!));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const oldestFirst = await allPages({ first: 4, orderBy: "PUBLISHED_AT_ASC" });
    expect(oldestFirst.map((r) => r.id)).toEqual(all.map((r) => r.id).reverse());
  });

  it("sorts titles in Hangul code-point (가나다) order both ways", async () => {
    const ascending = (await allPages({ first: 7, orderBy: "TITLE_ASC" })).map((r) => r.title);
    const codePointOrder = [...ascending].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(ascending).toEqual(codePointOrder);
    const descending = (await allPages({ first: 7, orderBy: "TITLE_DESC" })).map((r) => r.title);
    expect(descending).toEqual([...ascending].reverse());
  });

  it("filters by firm, analyst, sector tag and publication time", async () => {
    const all = (await reports({ first: 100 })).nodes;
    const firm = all[0].firm;
    const byFirm = await reports({ filter: { firmId: firm.id }, first: 100 });
    expect(byFirm.totalCount).toBe(publishedDemo.filter((r) => r.firmSlug === firm.slug).length);
    expect(byFirm.nodes.every((r) => r.firm.id === firm.id)).toBe(true);

    const analyst = all[0].analysts[0];
    const byAnalyst = await reports({ filter: { analystId: analyst.id }, first: 100 });
    expect(byAnalyst.totalCount).toBe(publishedDemo.filter((r) => r.analystSlugs.includes(analyst.slug)).length);

    const tag = all[0].sectorTags[0];
    const byTag = await reports({ filter: { sectorTagId: tag.id, firmId: firm.id }, first: 100 });
    expect(byTag.nodes.map((r) => r.id).sort()).toEqual(
      all.filter((r) => r.firm.id === firm.id && r.sectorTags.some((t) => t.id === tag.id)).map((r) => r.id).sort(),
    );

    const times = all.map((r) => r.publishedAt!).sort();
    const [from, to] = [times[2], times[times.length - 3]];
    const inRange = await reports({ filter: { publishedAfter: from, publishedBefore: to }, first: 100 });
    expect(inRange.nodes.map((r) => r.publishedAt).sort()).toEqual(times.filter((t) => t >= from && t < to));
  });

  it("reads a published report by slug or id, and returns null for unknown ones", async () => {
    const [first] = (await reports({ first: 1 })).nodes;
    const query = `query($id: ID, $slug: String) { report(id: $id, slug: $slug) { id title status body } }`;
    expect((await running.server().client.request<{ report: { id: string } }>(query, { slug: first.slug })).report.id).toBe(first.id);
    expect((await running.server().client.request<{ report: { id: string } }>(query, { id: first.id })).report.id).toBe(first.id);
    expect((await running.server().client.request(query, { slug: "없는-보고서" })).report).toBeNull();
    expect((await running.server().client.request(query, { id: "00000000-0000-4000-8000-000000000000" })).report).toBeNull();
    expect((await running.server().client.request(query, { id: "not-an-id" })).report).toBeNull();
    expect(codesOf(await errorsOf(running.server().client, query, {}))).toEqual(["BAD_USER_INPUT"]);
    expect(codesOf(await errorsOf(running.server().client, query, { id: first.id, slug: first.slug }))).toEqual(["BAD_USER_INPUT"]);
  });

  it("shows a retracted report only as a tombstone, and never in lists", async () => {
    const retracted = demoReports.find((r) => r.status === "RETRACTED")!;
    const { report } = await running.server().client.request<{ report: Record<string, unknown> }>(
      `query($slug: String) { report(slug: $slug) {
        status title firm { slug } summary body disclaimer { text } retraction { reason at } } }`,
      { slug: slugify(retracted.title) },
    );
    expect(report).toMatchObject({
      status: "RETRACTED",
      title: retracted.title,
      firm: { slug: retracted.firmSlug },
      summary: null,
      body: null,
      disclaimer: null,
    });
    expect((report.retraction as { reason: string }).reason).not.toBe("");
    const titles = (await reports({ first: 100 })).nodes.map((r) => r.title);
    expect(titles).not.toContain(retracted.title);
  });
});

describe("catalogue", () => {
  it("lists firms, analysts and sector tags in name order, with their relations", async () => {
    const data = await running.server().client.request<{
      firms: Connection<{ id: string; name: string; analysts: { name: string; firm: { id: string } }[] }>;
      analysts: { totalCount: number; nodes: { name: string }[] };
      sectorTags: { totalCount: number; nodes: { name: string }[] };
    }>(`{
      firms { totalCount nodes { id name analysts { name firm { id } } } edges { cursor node { id } } pageInfo { hasNextPage endCursor } }
      analysts(first: 100) { totalCount nodes { name } }
      sectorTags(first: 100) { totalCount nodes { name } }
    }`);
    expect(data.firms.totalCount).toBe(demoFirms.length);
    expect(data.firms.nodes.map((f) => f.name)).toEqual(demoFirms.map((f) => f.name).sort());
    for (const firm of data.firms.nodes) {
      const demo = demoFirms.find((f) => f.name === firm.name)!;
      expect(firm.analysts.map((a) => a.name)).toEqual(demo.analysts.map((a) => a.name).sort());
      expect(firm.analysts.every((a) => a.firm.id === firm.id)).toBe(true);
    }
    expect(data.analysts.totalCount).toBe(demoFirms.flatMap((f) => f.analysts).length);
    const names = data.analysts.nodes.map((a) => a.name);
    expect(names).toEqual([...names].sort());

    const firm = data.firms.nodes[1];
    const ofFirm = await running.server().client.request<{ analysts: { nodes: { name: string }[] } }>(
      `query($firmId: ID) { analysts(firmId: $firmId) { nodes { name } } }`,
      { firmId: firm.id },
    );
    expect(ofFirm.analysts.nodes.map((a) => a.name)).toEqual(firm.analysts.map((a) => a.name));

    const firstPage = await running.server().client.request<{ sectorTags: Connection<{ name: string }> }>(
      `{ sectorTags(first: 5) { nodes { name } pageInfo { hasNextPage endCursor } } }`,
    );
    const secondPage = await running.server().client.request<{ sectorTags: Connection<{ name: string }> }>(
      `query($after: String) { sectorTags(first: 5, after: $after) { nodes { name } pageInfo { hasNextPage } } }`,
      { after: firstPage.sectorTags.pageInfo.endCursor },
    );
    expect([...firstPage.sectorTags.nodes, ...secondPage.sectorTags.nodes].map((t) => t.name)).toEqual(
      data.sectorTags.nodes.map((t) => t.name),
    );
    expect(secondPage.sectorTags.pageInfo.hasNextPage).toBe(false);
  });

  it("applies the public visibility rule to every firm's, analyst's and tag's reports", async () => {
    const data = await running.server().client.request<{
      firms: { nodes: { slug: string; reports: { totalCount: number; nodes: { status: string }[] } }[] };
      analysts: { nodes: { slug: string; reports: { totalCount: number; nodes: { status: string }[] } }[] };
      sectorTags: { nodes: { slug: string; reports: { totalCount: number; nodes: { status: string }[] } }[] };
    }>(`{
      firms(first: 10) { nodes { slug reports(first: 20) { totalCount nodes { status } } } }
      analysts(first: 10) { nodes { slug reports(first: 20) { totalCount nodes { status } } } }
      sectorTags(first: 10) { nodes { slug reports(first: 20) { totalCount nodes { status } } } }
    }`);
    const all = [...data.firms.nodes, ...data.analysts.nodes, ...data.sectorTags.nodes];
    expect(all.flatMap((p) => p.reports.nodes).every((r) => r.status === "PUBLISHED")).toBe(true);
    for (const firm of data.firms.nodes) {
      const expected = publishedDemo.filter((r) => r.firmSlug === firm.slug).length;
      expect([firm.reports.totalCount, firm.reports.nodes.length]).toEqual([expected, expected]);
    }
    for (const analyst of data.analysts.nodes) {
      expect(analyst.reports.totalCount).toBe(publishedDemo.filter((r) => r.analystSlugs.includes(analyst.slug)).length);
    }
    for (const tag of data.sectorTags.nodes) {
      expect(tag.reports.totalCount).toBe(publishedDemo.filter((r) => r.tagSlugs.includes(tag.slug)).length);
    }
  });
});
