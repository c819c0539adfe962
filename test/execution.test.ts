import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { serverForThisFile } from "./helpers/server";

/*
 * Queries run as compiled code (graphql-jit); graphql-js still settles the operation and the
 * variables. These requests would notice if a change of executor altered what clients get: the
 * refusals of variables and operations word for word as graphql-js writes them, and errors inside
 * a query with the paths, codes and null-bubbling graphql-js gives them.
 */
const running = serverForThisFile();

let schema: GraphQLSchema;
// graphql as the built server loads it (CommonJS): a schema built there runs only with that copy.
const { execute, parse } = require("graphql") as typeof import("graphql");

beforeAll(async () => {
  // The schema the built server runs, for graphql-js's own wording of the same refusals.
  const { buildAppSchema } = require("../dist/server/src/graphql/schema.js") as typeof import("../server/src/graphql/schema");
  schema = await buildAppSchema();
});

interface Answer {
  status: number;
  body: { data?: unknown; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] };
}

async function post(query: string, variables?: Record<string, unknown>, operationName?: string): Promise<Answer> {
  const response = await fetch(running.server().url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables, operationName }),
  });
  return { status: response.status, body: (await response.json()) as Answer["body"] };
}

/** What graphql-js says of these variables before it would run anything (no resolver is reached). */
async function graphqlJsMessages(query: string, variables: Record<string, unknown>, operationName?: string): Promise<string[]> {
  const result = await execute({ schema, document: parse(query), variableValues: variables, operationName });
  return (result.errors ?? []).map((e) => e.message);
}

describe("execution keeps graphql-js's answers", () => {
  it.each([
    ["a string for an Int", `query($n: Int) { reports(first: $n) { totalCount } }`, { n: "ten" }],
    ["an Int over 32 bits", `query($n: Int) { reports(first: $n) { totalCount } }`, { n: 2 ** 40 }],
    ["an unknown enum value", `query($o: ReportOrder) { reports(orderBy: $o) { totalCount } }`, { o: "DROP_TABLE" }],
    ["a list for a String", `query($s: String) { report(slug: $s) { id } }`, { s: ["a", "b"] }],
    ["an unknown input field", `query($f: ReportFilter) { reports(filter: $f) { totalCount } }`, { f: { serach: "반도체" } }],
    ["a required variable left out", `query($s: String!) { report(slug: $s) { id } }`, {}],
  ])("variables: %s → 400 BAD_USER_INPUT, in graphql-js's words", async (_label, query, variables) => {
    const { status, body } = await post(query, variables);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(body.errors?.map(() => "BAD_USER_INPUT"));
    expect(body.errors?.map((e) => e.message)).toEqual(await graphqlJsMessages(query, variables));
  });

  it("an operation name the document lacks → 400, in graphql-js's words", async () => {
    const query = `query A { __typename } query B { __typename }`;
    const { status, body } = await post(query, {}, "C");
    expect(status).toBe(400);
    expect(body.errors?.map((e) => e.message)).toEqual(await graphqlJsMessages(query, {}, "C"));
  });

  it("the named operation of several runs, with aliases, fragments, @skip and @include as graphql-js reads them", async () => {
    const { reports } = await running.server().client.request<{ reports: { nodes: { id: string; slug: string }[] } }>(`{ reports(first: 1) { nodes { id slug } } }`);
    const [report] = reports.nodes;
    const query = `
      query Other { __typename }
      query Chosen($slug: String!, $withFirm: Boolean!) {
        first: report(slug: $slug) { ...Head firm @include(if: $withFirm) { name } }
        again: report(slug: $slug) { slug @skip(if: true) title }
      }
      fragment Head on Report { id slug }`;
    const { status, body } = await post(query, { slug: report.slug, withFirm: false }, "Chosen");
    expect(status).toBe(200);
    expect(body).toEqual({ data: { first: { id: report.id, slug: report.slug }, again: { title: expect.any(String) } } });
  });

  it("a refusal inside a query: the field's path and code, and null up to the nearest nullable field", async () => {
    const { status, body } = await post(`{ a: reports(first: 1) { totalCount } b: reports(first: 1000) { totalCount } }`);
    expect(status).toBe(200);
    // reports is non-null, so the refusal of b nulls the whole data, as graphql-js would.
    expect(body.data).toBeNull();
    expect(body.errors).toEqual([
      expect.objectContaining({ message: "first must be between 1 and 100", path: ["b"], extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field: "first" }) }),
    ]);
  });

  it("a refusal in a nullable field leaves its siblings' data", async () => {
    const { body } = await post(`{ report(slug: "없는-보고서") { id } reports(first: 1) { nodes { slug } } bad: report(id: "${"0".repeat(8)}-0000-4000-8000-${"0".repeat(12)}", slug: "둘 다") { id } }`);
    expect(body.data).toEqual({ report: null, reports: { nodes: [{ slug: expect.any(String) }] }, bad: null });
    expect(body.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[["bad"], "BAD_USER_INPUT"]]);
  });
});
