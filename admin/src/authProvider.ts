import type { ResultOf } from "@graphql-typed-document-node/core";
import type { AuthProvider } from "react-admin";
import { graphql } from "./gql";
import { gql } from "./graphql";

const MeQuery = graphql(`
  query Me {
    me {
      id
      email
      name
      role
    }
  }
`);

const Login = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      user {
        id
      }
    }
  }
`);

const Logout = graphql(`
  mutation Logout {
    logout
  }
`);

export type Me = NonNullable<ResultOf<typeof MeQuery>["me"]>;

// One `me` request per page load and sign-in; the session itself lives in an HttpOnly cookie.
let me: Promise<Me | null> | null = null;
const currentUser = (): Promise<Me | null> => (me ??= gql(MeQuery).then((d) => d.me));

export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    me = null;
    await gql(Login, { email: username, password });
  },
  async logout() {
    me = null;
    await gql(Logout).catch(() => undefined);
  },
  async checkAuth() {
    if (!(await currentUser().catch(() => null))) {
      me = null;
      throw new Error("auth.sign_in_required");
    }
  },
  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      me = null;
      throw new Error("auth.session_ended");
    }
  },
  async getIdentity() {
    const user = await currentUser();
    if (!user) throw new Error("auth.sign_in_required");
    return { id: user.id, fullName: `${user.name} (${user.role})`, email: user.email, role: user.role };
  },
  async getPermissions() {
    return (await currentUser())?.role ?? null;
  },
};

/** ADMIN holds every role, as on the server. */
export const hasRole = (permissions: unknown, role: Me["role"]): boolean => permissions === "ADMIN" || permissions === role;
