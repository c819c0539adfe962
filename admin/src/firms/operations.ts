import type { ResultOf } from "@graphql-typed-document-node/core";
import type { RaRecord } from "react-admin";
import { graphql } from "../gql";
import type { CreateFirmInput } from "../gql/graphql";
import { gql } from "../graphql";
import { compact, sameFields, type ResourceApi } from "../resources";

export const FirmFields = graphql(`
  fragment FirmFields on Firm {
    id
    slug
    name
    nameEn
    website
    isPartner
    createdAt
    disclaimerTemplates {
      id
      version
      body
      effectiveFrom
      checksum
      createdAt
    }
  }
`);

export type FirmRecord = ResultOf<typeof FirmFields>;

const Firms = graphql(`
  query Firms($first: Int, $after: String, $ids: [ID!], $search: String) {
    firms(first: $first, after: $after, ids: $ids, search: $search) {
      nodes {
        ...FirmFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const Firm = graphql(`
  query Firm($id: ID!) {
    firm(id: $id) {
      ...FirmFields
    }
  }
`);

const CreateFirm = graphql(`
  mutation CreateFirm($input: CreateFirmInput!) {
    createFirm(input: $input) {
      ...FirmFields
    }
  }
`);

const UpdateFirm = graphql(`
  mutation UpdateFirm($id: ID!, $input: UpdateFirmInput!) {
    updateFirm(id: $id, input: $input) {
      ...FirmFields
    }
  }
`);

const CreateDisclaimerTemplate = graphql(`
  mutation CreateDisclaimerTemplate($firmId: ID!, $body: String!, $effectiveFrom: DateTimeISO) {
    createDisclaimerTemplate(firmId: $firmId, body: $body, effectiveFrom: $effectiveFrom) {
      id
      version
    }
  }
`);

// Creating and editing a firm take the same fields.
const firmInput = (data: Partial<RaRecord>): CreateFirmInput => ({
  name: data.name,
  nameEn: data.nameEn,
  website: data.website,
  isPartner: data.isPartner,
  slug: data.slug,
});

export const firmsApi: ResourceApi<FirmRecord> = {
  list: async (page, filter) => (await gql(Firms, { ...page, ...compact({ search: filter.q }) })).firms,
  many: async (ids) => (await gql(Firms, { ids, first: ids.length })).firms.nodes,
  one: async (id) => (await gql(Firm, { id })).firm ?? null,
  create: async (data) => (await gql(CreateFirm, { input: firmInput(data) })).createFirm,
  update: async (id, data) => (await gql(UpdateFirm, { id, input: firmInput(data) })).updateFirm,
  formFields: sameFields("name", "nameEn", "website", "isPartner", "slug"),
};

/** A new version of the firm's disclaimer; versions are immutable. */
export const createDisclaimerTemplate = async (firmId: string, body: string, effectiveFrom: string | null) =>
  (await gql(CreateDisclaimerTemplate, { firmId, body, effectiveFrom })).createDisclaimerTemplate;
