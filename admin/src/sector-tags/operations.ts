import type { ResultOf } from "@graphql-typed-document-node/core";
import type { RaRecord } from "react-admin";
import { graphql } from "../gql";
import type { CreateSectorTagInput } from "../gql/graphql";
import { gql } from "../graphql";
import { compact, sameFields, type ResourceApi } from "../resources";

export const SectorTagFields = graphql(`
  fragment SectorTagFields on SectorTag {
    id
    slug
    name
    nameEn
  }
`);

export type SectorTagRecord = ResultOf<typeof SectorTagFields>;

const SectorTags = graphql(`
  query SectorTags($first: Int, $after: String, $ids: [ID!], $search: String) {
    sectorTags(first: $first, after: $after, ids: $ids, search: $search) {
      nodes {
        ...SectorTagFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const SectorTag = graphql(`
  query SectorTag($id: ID!) {
    sectorTag(id: $id) {
      ...SectorTagFields
    }
  }
`);

const CreateSectorTag = graphql(`
  mutation CreateSectorTag($input: CreateSectorTagInput!) {
    createSectorTag(input: $input) {
      ...SectorTagFields
    }
  }
`);

const UpdateSectorTag = graphql(`
  mutation UpdateSectorTag($id: ID!, $input: UpdateSectorTagInput!) {
    updateSectorTag(id: $id, input: $input) {
      ...SectorTagFields
    }
  }
`);

// Creating and editing a tag take the same fields.
const tagInput = (data: Partial<RaRecord>): CreateSectorTagInput => ({ name: data.name, nameEn: data.nameEn, slug: data.slug });

export const sectorTagsApi: ResourceApi<SectorTagRecord> = {
  list: async (page, filter) => (await gql(SectorTags, { ...page, ...compact({ search: filter.q }) })).sectorTags,
  many: async (ids) => (await gql(SectorTags, { ids, first: ids.length })).sectorTags.nodes,
  one: async (id) => (await gql(SectorTag, { id })).sectorTag ?? null,
  create: async (data) => (await gql(CreateSectorTag, { input: tagInput(data) })).createSectorTag,
  update: async (id, data) => (await gql(UpdateSectorTag, { id, input: tagInput(data) })).updateSectorTag,
  formFields: sameFields("name", "nameEn", "slug"),
};
