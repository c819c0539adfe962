import type { ResultOf } from "@graphql-typed-document-node/core";
import { graphql } from "../gql";
import { gql } from "../graphql";
import { compact, sameFields, type ResourceApi } from "../resources";

export const UserFields = graphql(`
  fragment UserFields on User {
    id
    email
    name
    role
    disabledAt
    createdAt
  }
`);

export type UserRecord = ResultOf<typeof UserFields>;

const Users = graphql(`
  query Users($first: Int, $after: String, $ids: [ID!], $search: String) {
    users(first: $first, after: $after, ids: $ids, search: $search) {
      nodes {
        ...UserFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const User = graphql(`
  query User($id: ID!) {
    user(id: $id) {
      ...UserFields
    }
  }
`);

const CreateUser = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      ...UserFields
    }
  }
`);

const UpdateUser = graphql(`
  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) {
      ...UserFields
    }
  }
`);

export const usersApi: ResourceApi<UserRecord> = {
  list: async (page, filter) => (await gql(Users, { ...page, ...compact({ search: filter.q }) })).users,
  many: async (ids) => (await gql(Users, { ids, first: ids.length })).users.nodes,
  one: async (id) => (await gql(User, { id })).user ?? null,
  create: async (data) => (await gql(CreateUser, { input: { email: data.email, name: data.name, role: data.role, password: data.password } })).createUser,
  // The form edits disabledAt as a switch (see UserEdit).
  update: async (id, data) => (await gql(UpdateUser, { id, input: { name: data.name, role: data.role, disabled: Boolean(data.disabledAt) } })).updateUser,
  formFields: sameFields("email", "name", "role", "password"),
};
