import type { DataProvider, GetListParams, Identifier, RaRecord } from "react-admin";
import type { ConnectionPage } from "./connections";
import { fetchPage } from "./cursors";
import { gql } from "./graphql";

/** GraphQL fields each resource's screens read. */
const REPORT_FIELDS = `id slug title subject summary body language status version publishedAt scheduledAt correctedAt createdAt updatedAt
  firm { id name currentDisclaimerTemplate { id version body effectiveFrom } } analysts { id name title } sectorTags { id name }
  disclaimer { id text templateVersion checksum contentChecksum reviewStatus reviewNote reviewedAt reviewedBy { name } attachedAt attachedBy { id } }
  workingCopy { status version title subject summary body language updatedAt analysts { id name } sectorTags { id name }
    disclaimer { id text templateVersion checksum reviewStatus reviewNote attachedBy { id } } createdBy { id name } updatedBy { id name } }
  rejection { reviewNote reviewedAt reviewedBy { name } templateVersion }
  retraction { reason at } scheduleBlock { at reason } createdBy { id name } updatedBy { id name }`;
const FIRM_FIELDS = `id slug name nameEn website isPartner createdAt
  disclaimerTemplates { id version body effectiveFrom checksum createdAt }`;
const ANALYST_FIELDS = `id slug name nameEn title email firm { id name }`;
const TAG_FIELDS = `id slug name nameEn`;
const USER_FIELDS = `id email name role disabledAt createdAt`;
const AUDIT_FIELDS = `id at actorId actorEmail action entityType entityId before after`;

interface ResourceApi {
  fields: string;
  listField: string;
  /** Extra list arguments: their declarations and how they are passed. */
  listArgs?: { declare: string; pass: string };
  listVariables?: (filter: Record<string, unknown>, sort: GetListParams["sort"]) => Record<string, unknown>;
  oneQuery?: string;
  /** Shapes an API node into the record the screens and forms use. */
  fromApi?: (node: RaRecord) => RaRecord;
  create?: { mutation: string; input: string; toInput: (data: Record<string, unknown>) => unknown };
  update?: { mutation: string; input: string; toInput: (data: Record<string, unknown>) => unknown; withVersion?: boolean };
}

const compact = (o: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null && v !== ""));

const pick = (data: Record<string, unknown>, keys: string[]): Record<string, unknown> =>
  Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, data[k] ?? null]));

const CONTENT = ["title", "subject", "summary", "body", "language", "analystIds", "sectorTagIds"];

/** The form keeps summary bullets as lines, blank ones included while typing. */
function contentInput(content: Record<string, unknown>): Record<string, unknown> {
  const input = pick(content, CONTENT);
  if (Array.isArray(input.summary)) input.summary = input.summary.map((l: string) => l.trim()).filter(Boolean);
  return input;
}

type Named = { id: string };

/**
 * A report record: the API fields, plus `content`, the fields a form edits (the working copy's while
 * a correction exists, else the report's own) and `target`, the status the workflow acts on.
 */
function reportRecord(node: RaRecord): RaRecord {
  const copy = node.workingCopy as (Record<string, unknown> & { analysts: Named[]; sectorTags: Named[]; status: string }) | null;
  const source = (copy ?? node) as Record<string, unknown> & { analysts: Named[]; sectorTags: Named[] };
  return {
    ...node,
    firmId: (node.firm as Named).id,
    target: copy ? copy.status : node.status,
    content: {
      ...pick(source, ["title", "subject", "summary", "body", "language"]),
      analystIds: source.analysts.map((a) => a.id),
      sectorTagIds: source.sectorTags.map((t) => t.id),
    },
  };
}

export const RESOURCES: Record<string, ResourceApi> = {
  reports: {
    fields: REPORT_FIELDS,
    listField: "reports",
    listArgs: { declare: ", $filter: ReportFilter, $orderBy: ReportOrder", pass: ", filter: $filter, orderBy: $orderBy" },
    listVariables: (filter, sort = { field: "publishedAt", order: "DESC" }) => ({
      filter: compact({
        status: filter.status,
        firmId: filter.firmId,
        analystId: filter.analystId,
        sectorTagId: filter.sectorTagId,
        search: filter.q,
        publishedAfter: filter.publishedAfter,
        publishedBefore: filter.publishedBefore,
      }),
      orderBy: sort.field === "title" ? (sort.order === "ASC" ? "TITLE_ASC" : "TITLE_DESC") : sort.order === "ASC" ? "PUBLISHED_AT_ASC" : "PUBLISHED_AT_DESC",
    }),
    oneQuery: "report(id: $id)",
    fromApi: reportRecord,
    create: {
      mutation: "createReport",
      input: "CreateReportInput!",
      toInput: (d) => ({ ...contentInput(d.content as Record<string, unknown>), firmId: d.firmId }),
    },
    update: {
      mutation: "updateReport",
      input: "UpdateReportInput!",
      toInput: (d) => contentInput(d.content as Record<string, unknown>),
      withVersion: true,
    },
  },
  firms: {
    fields: FIRM_FIELDS,
    listField: "firms",
    oneQuery: "firm(id: $id)",
    create: { mutation: "createFirm", input: "CreateFirmInput!", toInput: (d) => pick(d, ["name", "nameEn", "website", "isPartner", "slug"]) },
    update: { mutation: "updateFirm", input: "UpdateFirmInput!", toInput: (d) => pick(d, ["name", "nameEn", "website", "isPartner", "slug"]) },
  },
  analysts: {
    fields: ANALYST_FIELDS,
    listField: "analysts",
    listArgs: { declare: ", $firmId: ID", pass: ", firmId: $firmId" },
    listVariables: (filter) => compact({ firmId: filter.firmId }),
    oneQuery: "analyst(id: $id)",
    create: { mutation: "createAnalyst", input: "CreateAnalystInput!", toInput: (d) => pick(d, ["firmId", "name", "nameEn", "title", "email", "slug"]) },
    update: { mutation: "updateAnalyst", input: "UpdateAnalystInput!", toInput: (d) => pick(d, ["name", "nameEn", "title", "email", "slug"]) },
  },
  sectorTags: {
    fields: TAG_FIELDS,
    listField: "sectorTags",
    oneQuery: "sectorTag(id: $id)",
    create: { mutation: "createSectorTag", input: "CreateSectorTagInput!", toInput: (d) => pick(d, ["name", "nameEn", "slug"]) },
    update: { mutation: "updateSectorTag", input: "UpdateSectorTagInput!", toInput: (d) => pick(d, ["name", "nameEn", "slug"]) },
  },
  users: {
    fields: USER_FIELDS,
    listField: "users",
    create: { mutation: "createUser", input: "CreateUserInput!", toInput: (d) => pick(d, ["email", "name", "role", "password"]) },
    update: { mutation: "updateUser", input: "UpdateUserInput!", toInput: (d) => ({ name: d.name, role: d.role, disabled: Boolean(d.disabledAt) }) },
  },
  auditEvents: {
    fields: AUDIT_FIELDS,
    listField: "auditEvents",
    listArgs: { declare: ", $filter: AuditFilter", pass: ", filter: $filter" },
    listVariables: (filter) => ({ filter: compact(pick(filter, ["actorId", "entityType", "entityId", "action", "from", "to"])) }),
  },
};

function api(resource: string): ResourceApi {
  const found = RESOURCES[resource];
  if (!found) throw new Error(`unknown resource ${resource}`);
  return found;
}

async function list(resource: string, params: GetListParams) {
  const r = api(resource);
  const filter = (params.filter ?? {}) as Record<string, unknown>;
  const variables = r.listVariables?.(filter, params.sort ?? { field: "id", order: "DESC" }) ?? {};
  const perPage = params.pagination?.perPage ?? 25;
  const page = params.pagination?.page ?? 1;
  const query = `query($first: Int, $after: String${r.listArgs?.declare ?? ""}) {
    page: ${r.listField}(first: $first, after: $after${r.listArgs?.pass ?? ""}) {
      nodes { ${r.fields} } pageInfo { hasNextPage endCursor }
    }
  }`;
  const listKey = JSON.stringify([resource, variables, perPage]);
  return fetchPage(listKey, page, perPage, async (after) => {
    const data = await gql<{ page: { nodes: RaRecord[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>(query, {
      ...variables,
      first: Math.min(perPage, 100),
      after,
    });
    return { ...data.page, nodes: data.page.nodes.map((n) => r.fromApi?.(n) ?? n) };
  });
}

async function getOne(resource: string, id: Identifier): Promise<RaRecord> {
  const r = api(resource);
  if (!r.oneQuery) {
    const all = await list(resource, { pagination: { page: 1, perPage: 100 }, sort: { field: "id", order: "ASC" }, filter: {} });
    const found = all.data.find((item) => item.id === id);
    if (!found) throw new Error("ra.notification.item_doesnt_exist");
    return found;
  }
  const data = await gql<{ one: RaRecord | null }>(`query($id: ID) { one: ${r.oneQuery} { ${r.fields} } }`, { id });
  if (!data.one) throw new Error("ra.notification.item_doesnt_exist");
  return r.fromApi?.(data.one) ?? data.one;
}

/** Page size of the lists read with "load more" (the review queue, the compliance list). */
const CONNECTION_PAGE = 20;

/** One page of such a list; only the first asks for the total. */
async function connectionPage<T>(
  field: string,
  nodeFields: string,
  after: string | null,
  args?: { declare: string; pass: string; variables: Record<string, unknown> },
): Promise<ConnectionPage<T>> {
  const data = await gql<{ page: ConnectionPage<T> }>(
    `query($first: Int, $after: String, $counted: Boolean!${args?.declare ?? ""}) {
      page: ${field}(first: $first, after: $after${args?.pass ?? ""}) {
        nodes { ${nodeFields} } pageInfo { hasNextPage endCursor } totalCount @include(if: $counted) } }`,
    { ...args?.variables, first: CONNECTION_PAGE, after, counted: after === null },
  );
  return data.page;
}

/**
 * Reports per renewOutdatedDisclaimers call: each call is one transaction that locks its reports,
 * so a firm's thousands of reports go in a few short ones rather than one long one.
 */
const RENEWAL_BATCH = 200;

/** Workflow steps and history, run as the same GraphQL mutations clients could call. */
const workflow = {
  attachDisclaimer: (id: Identifier) => step("attachDisclaimer", id),
  submitForReview: (id: Identifier) => step("submitForReview", id),
  withdrawReport: (id: Identifier) => step("withdrawReport", id),
  approveDisclaimer: (id: Identifier, note: string | null) => step("approveDisclaimer", id, { note }, ", $note: String", ", note: $note"),
  rejectDisclaimer: (id: Identifier, note: string) => step("rejectDisclaimer", id, { note }, ", $note: String!", ", note: $note"),
  publishReport: (id: Identifier, at: string | null) => step("publishReport", id, { at }, ", $at: DateTimeISO", ", at: $at"),
  unscheduleReport: (id: Identifier) => step("unscheduleReport", id),
  retractReport: (id: Identifier, reason: string) => step("retractReport", id, { reason }, ", $reason: String!", ", reason: $reason"),
};

async function step(name: string, id: Identifier, vars: Record<string, unknown> = {}, declare = "", pass = ""): Promise<{ data: RaRecord }> {
  const data = await gql<{ result: RaRecord }>(
    `mutation($id: ID!${declare}) { result: ${name}(reportId: $id${pass}) { ${REPORT_FIELDS} } }`,
    { id, ...vars },
  );
  return { data: reportRecord(data.result) };
}

export type WorkflowStep = keyof typeof workflow;

// react-admin's methods are generic in the record type; the records are whatever the API returned.
const typed = <T extends RaRecord>(record: RaRecord): T => record as T;

export const dataProvider = {
  getList: async <T extends RaRecord>(resource: string, params: GetListParams) => {
    const page = await list(resource, params);
    return { ...page, data: page.data.map(typed<T>) };
  },
  getOne: async <T extends RaRecord>(resource: string, { id }: { id: Identifier }) => ({ data: typed<T>(await getOne(resource, id)) }),
  getMany: async <T extends RaRecord>(resource: string, { ids }: { ids: Identifier[] }) => ({
    data: (await Promise.all(ids.map((id) => getOne(resource, id).catch(() => null))))
      .filter((r): r is RaRecord => r !== null)
      .map(typed<T>),
  }),
  getManyReference: async <T extends RaRecord>(resource: string, params: GetListParams & { target: string; id: Identifier }) => {
    const page = await list(resource, { ...params, filter: { ...params.filter, [params.target]: params.id } });
    return { ...page, data: page.data.map(typed<T>) };
  },
  create: async <T extends RaRecord>(resource: string, { data }: { data: Record<string, unknown> }) => {
    const r = api(resource);
    if (!r.create) throw new Error(`cannot create ${resource}`);
    const result = await gql<{ created: RaRecord }>(
      `mutation($input: ${r.create.input}) { created: ${r.create.mutation}(input: $input) { ${r.fields} } }`,
      { input: r.create.toInput(data) },
    );
    return { data: typed<T>(r.fromApi?.(result.created) ?? result.created) };
  },
  update: async <T extends RaRecord>(resource: string, { id, data, previousData }: { id: Identifier; data: Partial<RaRecord>; previousData: RaRecord }) => {
    const r = api(resource);
    if (!r.update) throw new Error(`cannot update ${resource}`);
    const copy = previousData.workingCopy as { version: number } | null | undefined;
    const versionArg = r.update.withVersion ? ", $expectedVersion: Int!" : "";
    const result = await gql<{ updated: RaRecord }>(
      `mutation($id: ID!, $input: ${r.update.input}${versionArg}) {
        updated: ${r.update.mutation}(id: $id, input: $input${r.update.withVersion ? ", expectedVersion: $expectedVersion" : ""}) { ${r.fields} } }`,
      { id, input: r.update.toInput(data), ...(r.update.withVersion && { expectedVersion: copy?.version ?? previousData.version }) },
    );
    return { data: typed<T>(r.fromApi?.(result.updated) ?? result.updated) };
  },
  delete: async <T extends RaRecord>(resource: string, { id, previousData }: { id: Identifier; previousData?: RaRecord }) => {
    if (resource !== "reports") throw new Error(`cannot delete ${resource}`);
    await gql(`mutation($id: ID!) { deleteReport(id: $id) }`, { id });
    return { data: typed<T>(previousData ?? { id }) };
  },
  deleteMany: async () => {
    throw new Error("ra.notification.not_supported");
  },
  updateMany: async () => {
    throw new Error("ra.notification.not_supported");
  },
  ...workflow,
  createDisclaimerTemplate: async (firmId: Identifier, body: string, effectiveFrom: string | null) =>
    gql(`mutation($firmId: ID!, $body: String!, $at: DateTimeISO) { createDisclaimerTemplate(firmId: $firmId, body: $body, effectiveFrom: $at) { id version } }`, {
      firmId,
      body,
      at: effectiveFrom,
    }),
  reviewQueue: (after: string | null) =>
    connectionPage<ReviewItem>("reviewQueue", "reportId correction title differsFromCurrent submittedAt report { id firm { name } }", after),
  complianceIssues: (after: string | null, firmId: string | null) =>
    connectionPage<ComplianceIssue>(
      "complianceIssues",
      `reportId kind since reason rule disclaimer { templateVersion } currentTemplate { version }
      report { id title status firm { name } workingCopy { status disclaimer { templateVersion } } }`,
      after,
      { declare: ", $filter: ComplianceFilterInput", pass: ", filter: $filter", variables: { filter: compact({ firmId }) } },
    ),
  renewOutdatedDisclaimers: async (firmId: string, after: string | null) =>
    (
      await gql<{ renewal: DisclaimerRenewal }>(
        `mutation($firmId: ID!, $after: String, $first: Int) {
          renewal: renewOutdatedDisclaimers(firmId: $firmId, after: $after, first: $first) { renewed skipped { reportId reason } endCursor hasMore } }`,
        { firmId, after, first: RENEWAL_BATCH },
      )
    ).renewal,
  history: (id: Identifier) =>
    gql<{ report: ReportHistory }>(
      `query($id: ID) { report(id: $id) {
        revisions { id number createdAt content { title subject summary body language } }
        publicationPeriods { contentChecksum disclaimerChecksum revisionId liveFrom liveUntil }
        auditTrail(first: 100) { nodes { id at actorEmail action before after } } } }`,
      { id },
    ),
  revisionDiff: (from: Identifier, to: Identifier) =>
    gql<{ reportRevisionDiff: { field: string; before: unknown; after: unknown }[] }>(
      `query($from: ID!, $to: ID!) { reportRevisionDiff(fromRevisionId: $from, toRevisionId: $to) { field before after } }`,
      { from, to },
    ),
} satisfies DataProvider & Record<string, unknown>;

export type ResearchDeskDataProvider = typeof dataProvider;

export interface ReviewItem {
  reportId: string;
  correction: boolean;
  title: string;
  differsFromCurrent: boolean;
  submittedAt: string;
  report: { id: string; firm: { name: string } };
}

export interface ComplianceIssue {
  reportId: string;
  kind: "OUTDATED_DISCLAIMER" | "BLOCKED_SCHEDULE" | "GATE_VIOLATION";
  since: string;
  reason: string | null;
  rule: string | null;
  report: {
    id: string;
    title: string;
    status: string;
    firm: { name: string };
    workingCopy: { status: string; disclaimer: { templateVersion: number } | null } | null;
  };
  disclaimer: { templateVersion: number } | null;
  currentTemplate: { version: number } | null;
}

export type RenewalSkipReason = "CORRECTION_IN_REVIEW" | "ALREADY_RENEWED";

export interface DisclaimerRenewal {
  renewed: number;
  skipped: { reportId: string; reason: RenewalSkipReason }[];
  endCursor: string | null;
  hasMore: boolean;
}

export interface ReportHistory {
  revisions: { id: string; number: number; createdAt: string; content: Record<string, unknown> }[];
  publicationPeriods: { contentChecksum: string; disclaimerChecksum: string | null; revisionId: string | null; liveFrom: string; liveUntil: string | null }[];
  auditTrail: { nodes: { id: string; at: string; actorEmail: string | null; action: string; before: unknown; after: unknown }[] };
}
