import type { DataProvider, GetListParams, Identifier, RaRecord } from "react-admin";
import { analystsApi } from "./analysts/operations";
import { auditApi } from "./audit/operations";
import { complianceIssues, renewOutdatedDisclaimers, stoppedWebhooks } from "./compliance/operations";
import { fetchPage } from "./cursors";
import { fieldErrorOf } from "./errors";
import { createDisclaimerTemplate, firmsApi } from "./firms/operations";
import { reportHistory, reportsApi, reportWorkflow } from "./reports/operations";
import type { ResourceApi } from "./resources";
import { reviewQueue } from "./review/operations";
import { sectorTagsApi } from "./sector-tags/operations";
import { usersApi } from "./users/operations";
import { webhookOperations, webhooksApi } from "./webhooks/operations";

/** react-admin's resources, each over its folder's typed operations. */
const RESOURCES: Record<string, ResourceApi<RaRecord>> = {
  reports: reportsApi,
  firms: firmsApi,
  analysts: analystsApi,
  sectorTags: sectorTagsApi,
  users: usersApi,
  auditEvents: auditApi,
  webhooks: webhooksApi,
};

function api(resource: string): ResourceApi<RaRecord> {
  const found = RESOURCES[resource];
  if (!found) throw new Error(`unknown resource ${resource}`);
  return found;
}

function unsupported(resource: string, method: string): never {
  throw new Error(`${method} is not offered for ${resource}`);
}

async function list(resource: string, params: GetListParams) {
  const r = api(resource);
  const filter = params.filter ?? {};
  const sort = params.sort ?? { field: "id", order: "DESC" };
  const perPage = params.pagination?.perPage ?? 25;
  const page = params.pagination?.page ?? 1;
  const listKey = JSON.stringify([resource, filter, sort, perPage]);
  return fetchPage(listKey, page, perPage, (after) => r.list({ first: Math.min(perPage, 100), after }, filter, sort));
}

/** A save: a refusal of a field the form shows is shown beside it (react-admin's server-side validation). */
async function saving<T>(r: ResourceApi<RaRecord>, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw fieldErrorOf(error, r.formFields);
  }
}

// react-admin's methods are generic in the record type; the records are whatever the API returned.
const typed = <T extends RaRecord>(record: RaRecord): T => record as T;

export const dataProvider = {
  getList: async <T extends RaRecord>(resource: string, params: GetListParams) => {
    const page = await list(resource, params);
    return { ...page, data: page.data.map(typed<T>) };
  },
  getOne: async <T extends RaRecord>(resource: string, { id }: { id: Identifier }) => {
    const r = api(resource);
    const found = await (r.one ?? unsupported(resource, "getOne"))(String(id));
    if (!found) throw new Error("ra.notification.item_doesnt_exist");
    return { data: typed<T>(found) };
  },
  // One request for all the ids (a reference input's choices); the API takes up to 100.
  getMany: async <T extends RaRecord>(resource: string, { ids }: { ids: Identifier[] }) => {
    const r = api(resource);
    const many = r.many ?? unsupported(resource, "getMany");
    return { data: (ids.length ? await many(ids.map(String)) : []).map(typed<T>) };
  },
  getManyReference: async <T extends RaRecord>(resource: string, params: GetListParams & { target: string; id: Identifier }) => {
    const page = await list(resource, { ...params, filter: { ...params.filter, [params.target]: params.id } });
    return { ...page, data: page.data.map(typed<T>) };
  },
  create: async <T extends RaRecord>(resource: string, { data }: { data: Partial<RaRecord> }) => {
    const r = api(resource);
    const create = r.create ?? unsupported(resource, "create");
    return { data: typed<T>(await saving(r, () => create(data))) };
  },
  update: async <T extends RaRecord>(resource: string, { id, data, previousData }: { id: Identifier; data: Partial<RaRecord>; previousData: RaRecord }) => {
    const r = api(resource);
    const update = r.update ?? unsupported(resource, "update");
    return { data: typed<T>(await saving(r, () => update(String(id), data, previousData))) };
  },
  delete: async <T extends RaRecord>(resource: string, { id, previousData }: { id: Identifier; previousData?: RaRecord }) => {
    const r = api(resource);
    await (r.delete ?? unsupported(resource, "delete"))(String(id));
    return { data: typed<T>(previousData ?? { id }) };
  },
  deleteMany: async () => {
    throw new Error("ra.notification.not_supported");
  },
  updateMany: async () => {
    throw new Error("ra.notification.not_supported");
  },
  ...reportWorkflow,
  ...reportHistory,
  createDisclaimerTemplate,
  reviewQueue,
  complianceIssues,
  renewOutdatedDisclaimers,
  stoppedWebhooks,
  ...webhookOperations,
} satisfies DataProvider & Record<string, unknown>;

export type ResearchDeskDataProvider = typeof dataProvider;
