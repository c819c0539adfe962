import type { AuthChecker } from "type-graphql";
import type { Role } from "../modules/user/user.entity";
import { holdsRole } from "../modules/user/viewer";
import type { Context } from "./context";
import { AppError } from "../kernel/errors";

/**
 * Where the API decides access by role (by `holdsRole`, which the image upload route asks too).
 * `@Authorized()` needs any staff user; `@Authorized(Role.X)` needs role X, which ADMIN always holds.
 */
export const authChecker: AuthChecker<Context, Role> = ({ context }, roles) => {
  const user = context.viewer.user;
  if (!user) {
    throw new AppError("UNAUTHENTICATED", { reason: context.viewer.credentialError ? "CREDENTIALS_INVALID" : "SIGN_IN_REQUIRED" }, context.viewer.credentialError ?? "sign in as staff to do this");
  }
  if (roles.length === 0 || roles.some((role) => holdsRole(user, role))) return true;
  throw new AppError("FORBIDDEN", { reason: "ROLE_REQUIRED", params: { roles: roles.join(", ") } }, `this needs the ${roles.join(" or ")} role`);
};
