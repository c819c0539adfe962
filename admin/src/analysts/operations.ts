import type { ResultOf } from "@graphql-typed-document-node/core";
import type { RaRecord } from "react-admin";
import { graphql } from "../gql";
import type { UpdateAnalystInput } from "../gql/graphql";
import { gql } from "../graphql";
import { compact, sameFields, type ResourceApi } from "../resources";

export const AnalystFields = graphql(`
  fragment AnalystFields on Analyst {
    id
    slug
    name
    nameEn
    title
    email
    firm {
      id
      name
    }
  }
`);

export type AnalystRecord = ResultOf<typeof AnalystFields>;

const Analysts = graphql(`
  query Analysts($first: Int, $after: String, $firmId: ID, $ids: [ID!], $search: String) {
    analysts(first: $first, after: $after, firmId: $firmId, ids: $ids, search: $search) {
      nodes {
        ...AnalystFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const Analyst = graphql(`
  query Analyst($id: ID!) {
    analyst(id: $id) {
      ...AnalystFields
    }
  }
`);

const CreateAnalyst = graphql(`
  mutation CreateAnalyst($input: CreateAnalystInput!) {
    createAnalyst(input: $input) {
      ...AnalystFields
    }
  }
`);

const UpdateAnalyst = graphql(`
  mutation UpdateAnalyst($id: ID!, $input: UpdateAnalystInput!) {
    updateAnalyst(id: $id, input: $input) {
      ...AnalystFields
    }
  }
`);

/** The analyst's own fields; the firm is chosen once, on create. */
const analystInput = (data: Partial<RaRecord>): UpdateAnalystInput => ({
  name: data.name,
  nameEn: data.nameEn,
  title: data.title,
  email: data.email,
  slug: data.slug,
});

export const analystsApi: ResourceApi<AnalystRecord> = {
  list: async (page, filter) => (await gql(Analysts, { ...page, ...compact({ firmId: filter.firmId, search: filter.q }) })).analysts,
  many: async (ids) => (await gql(Analysts, { ids, first: ids.length })).analysts.nodes,
  one: async (id) => (await gql(Analyst, { id })).analyst ?? null,
  create: async (data) => (await gql(CreateAnalyst, { input: { ...analystInput(data), firmId: data.firmId, name: data.name } })).createAnalyst,
  update: async (id, data) => (await gql(UpdateAnalyst, { id, input: analystInput(data) })).updateAnalyst,
  formFields: sameFields("firmId", "name", "nameEn", "title", "email", "slug"),
};
