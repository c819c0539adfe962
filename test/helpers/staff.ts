import { randomBytes } from "node:crypto";
import { GraphQLClient } from "graphql-request";
import type { RunningServer } from "./server";

/** The admin that ADMIN_EMAIL/ADMIN_PASSWORD make the test servers ensure. */
export const ADMIN = { email: "admin@test.example", password: "admin-password-for-tests" };
export const STAFF_ENV = { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password };

export interface StaffMember {
  id: string;
  email: string;
  password: string;
  client: GraphQLClient;
}

export const bearer = (server: RunningServer, token: string): GraphQLClient =>
  new GraphQLClient(server.url, { headers: { authorization: `Bearer ${token}` } });

/** An anonymous client that claims to come from `ip` (the server believes it with TRUST_PROXY only). */
export const fromAddress = (server: RunningServer, ip: string): GraphQLClient =>
  new GraphQLClient(server.url, { headers: { "x-forwarded-for": ip } });

export async function signIn(server: RunningServer, email: string, password: string): Promise<{ client: GraphQLClient; token: string; id: string }> {
  const { login } = await server.client.request<{ login: { token: string; user: { id: string } } }>(
    `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token user { id } } }`,
    { email, password },
  );
  return { client: bearer(server, login.token), token: login.token, id: login.user.id };
}

/** A new account of `role`, created by the admin, and signed in. */
export async function createStaff(server: RunningServer, admin: GraphQLClient, role: string): Promise<StaffMember> {
  const email = `${role.toLowerCase()}-${randomBytes(4).toString("hex")}@test.example`;
  const password = `password-${randomBytes(8).toString("hex")}`;
  await admin.request(
    `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
    { input: { email, name: `${role} 테스트`, role, password } },
  );
  const session = await signIn(server, email, password);
  return { id: session.id, email, password, client: session.client };
}

/** New accounts of `roles`, one each and in that order, created by the admin and signed in. */
export async function createStaffOf(server: RunningServer, ...roles: string[]): Promise<StaffMember[]> {
  const admin = (await signIn(server, ADMIN.email, ADMIN.password)).client;
  const members: StaffMember[] = [];
  for (const role of roles) members.push(await createStaff(server, admin, role));
  return members;
}
