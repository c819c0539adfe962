import { randomUUID } from "node:crypto";
import type { GraphQLClient } from "graphql-request";
import { beforeAll, describe, expect, it } from "vitest";
import { codesOf, errorsOf, statementsFor } from "./helpers/graphql";
import { serverForThisFile } from "./helpers/server";
import { ADMIN, createStaff, signIn, STAFF_ENV, type StaffMember } from "./helpers/staff";
import { createDraft, createFirm } from "./helpers/workflow";

// user(id) and the `ids` argument of the catalogue lists: what the admin panel's getOne of a user
// and getMany (one request for all the ids a reference input shows) read.
const running = serverForThisFile(STAFF_ENV);
const anonymous = (): GraphQLClient => running.server().client;

let admin: GraphQLClient;
let editor: StaffMember;
let reviewer: StaffMember;

beforeAll(async () => {
  admin = (await signIn(running.server(), ADMIN.email, ADMIN.password)).client;
  editor = await createStaff(running.server(), admin, "EDITOR");
  reviewer = await createStaff(running.server(), admin, "REVIEWER");
});

const USER = `query($id: ID!) { user(id: $id) { id email name role disabledAt } }`;

describe("user(id)", () => {
  it("gives an admin the account, as the users list shows it", async () => {
    const { user } = await admin.request<{ user: { id: string; email: string; role: string; disabledAt: string | null } }>(USER, { id: editor.id });
    expect(user).toMatchObject({ id: editor.id, email: editor.email, role: "EDITOR", disabledAt: null });
    const { users } = await admin.request<{ users: { nodes: { id: string }[] } }>(`query($ids: [ID!]) { users(ids: $ids, first: 1) { nodes { id email name role disabledAt } } }`, {
      ids: [editor.id],
    });
    expect(users.nodes).toEqual([user]);
  });

  it("is null for an id that matches no account", async () => {
    expect(await admin.request(USER, { id: randomUUID() })).toEqual({ user: null });
  });

  it("refuses an id that is not a UUID as BAD_USER_INPUT", async () => {
    const errors = await errorsOf(admin, USER, { id: "not-a-uuid" });
    expect(codesOf(errors)).toEqual(["BAD_USER_INPUT"]);
    expect(errors[0].extensions?.field).toBe("id");
  });

  it("is for admins only", async () => {
    expect(codesOf(await errorsOf(editor.client, USER, { id: editor.id }))).toEqual(["FORBIDDEN"]);
    expect(codesOf(await errorsOf(reviewer.client, USER, { id: reviewer.id }))).toEqual(["FORBIDDEN"]);
    expect(codesOf(await errorsOf(anonymous(), USER, { id: editor.id }))).toEqual(["UNAUTHENTICATED"]);
  });
});

/** The catalogue lists that take `ids`, with the query that reads one page of them. */
const LISTS = ["firms", "analysts", "sectorTags"].map((field) => ({
  field,
  query: `query($ids: [ID!], $first: Int) { list: ${field}(ids: $ids, first: $first) { nodes { id name } pageInfo { hasNextPage } totalCount } }`,
}));

interface ListPage {
  list: { nodes: { id: string; name: string }[]; pageInfo: { hasNextPage: boolean }; totalCount: number };
}

const idsOf = (page: ListPage): string[] => page.list.nodes.map((n) => n.id);

describe.each(LISTS)("$field(ids)", ({ field, query }) => {
  let all: string[];
  beforeAll(async () => {
    all = idsOf(await anonymous().request<ListPage>(query, { first: 100 }));
    expect(all.length).toBeGreaterThanOrEqual(3);
  });

  it("reads exactly the rows asked for, in name order, in one SQL statement", async () => {
    const asked = [all[2], all[0]];
    const page = await anonymous().request<ListPage>(query, { ids: asked, first: asked.length });
    expect(idsOf(page)).toEqual([all[0], all[2]]);
    expect(page.list.pageInfo.hasNextPage).toBe(false);
    expect(page.list.totalCount).toBe(2);
    const read = `query($ids: [ID!], $first: Int) { list: ${field}(ids: $ids, first: $first) { nodes { id name } } }`;
    expect(await statementsFor(anonymous(), read, { ids: asked, first: asked.length })).toBe(1);
  });

  it("leaves out ids that match nothing, and an empty list reads nothing", async () => {
    expect(idsOf(await anonymous().request<ListPage>(query, { ids: [randomUUID(), all[1]], first: 2 }))).toEqual([all[1]]);
    const none = await anonymous().request<ListPage>(query, { ids: [] });
    expect(none.list).toEqual({ nodes: [], pageInfo: { hasNextPage: false }, totalCount: 0 });
  });

  it("pages like the list it narrows", async () => {
    const first = await anonymous().request<ListPage>(query, { ids: all.slice(0, 3), first: 2 });
    expect(idsOf(first)).toEqual(all.slice(0, 2));
    expect(first.list.pageInfo.hasNextPage).toBe(true);
  });

  it("refuses more than 100 ids, and an id that is not a UUID, as BAD_USER_INPUT on ids", async () => {
    const tooMany = await errorsOf(anonymous(), query, { ids: Array.from({ length: 101 }, () => randomUUID()), first: 100 });
    expect(codesOf(tooMany)).toEqual(["BAD_USER_INPUT"]);
    expect(tooMany[0].extensions?.field).toBe("ids");
    const malformed = await errorsOf(anonymous(), query, { ids: [all[0], "1 OR 1=1"] });
    expect(codesOf(malformed)).toEqual(["BAD_USER_INPUT"]);
    expect(malformed[0].extensions?.field).toBe("ids");
    // 100 is allowed.
    const hundred = await anonymous().request<ListPage>(query, { ids: [...all.slice(0, 1), ...Array.from({ length: 99 }, () => randomUUID())], first: 100 });
    expect(idsOf(hundred)).toEqual(all.slice(0, 1));
  });
});

describe("what ids do not change", () => {
  it("keeps analysts(ids) to the firmId filter too", async () => {
    const firmA = await createFirm(editor.client);
    const firmB = await createFirm(editor.client);
    const { analysts } = await anonymous().request<{ analysts: { nodes: { id: string }[] } }>(
      `query($ids: [ID!], $firmId: ID) { analysts(ids: $ids, firmId: $firmId, first: 2) { nodes { id } } }`,
      { ids: [firmA.analystId, firmB.analystId], firmId: firmA.id },
    );
    expect(analysts.nodes).toEqual([{ id: firmA.analystId }]);
  });

  it("shows anonymous clients the published reports of firms read by id, and staff every status", async () => {
    const firm = await createFirm(editor.client);
    const draft = await createDraft(editor.client, firm, "[아이디랩] 초안");
    const query = `query($ids: [ID!]) { firms(ids: $ids, first: 1) { nodes { id reports(first: 10) { nodes { id status } totalCount } } } }`;
    type Reports = { firms: { nodes: { id: string; reports: { nodes: { id: string; status: string }[]; totalCount: number } }[] } };
    const forClients = await anonymous().request<Reports>(query, { ids: [firm.id] });
    expect(forClients.firms.nodes).toEqual([{ id: firm.id, reports: { nodes: [], totalCount: 0 } }]);
    const forStaff = await editor.client.request<Reports>(query, { ids: [firm.id] });
    expect(forStaff.firms.nodes[0].reports.nodes).toEqual([{ id: draft.id, status: "DRAFT" }]);
  });

  it("keeps staff-only fields and lists refused to clients", async () => {
    const firm = await createFirm(editor.client);
    const emails = `query($ids: [ID!]) { analysts(ids: $ids, first: 1) { nodes { id email } } }`;
    expect(codesOf(await errorsOf(anonymous(), emails, { ids: [firm.analystId] }))).toEqual(["UNAUTHENTICATED"]);
    const users = `query($ids: [ID!]) { users(ids: $ids, first: 1) { nodes { id } } }`;
    expect(codesOf(await errorsOf(anonymous(), users, { ids: [editor.id] }))).toEqual(["UNAUTHENTICATED"]);
    expect(codesOf(await errorsOf(editor.client, users, { ids: [editor.id] }))).toEqual(["FORBIDDEN"]);
    expect(await admin.request(users, { ids: [editor.id] })).toEqual({ users: { nodes: [{ id: editor.id }] } });
  });
});
