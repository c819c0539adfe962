import type { AuthChecker } from "type-graphql";
import type { Role } from "../modules/user/user.entity";
import type { Context } from "./context";
import { AppError } from "../kernel/errors";

/**
 * The one place that decides access by role. `@Authorized()` needs any staff user;
 * `@Authorized(Role.X)` needs role X, which ADMIN always holds.
 */
export const authChecker: AuthChecker<Context, Role> = ({ context }, roles) => {
  const user = context.viewer.user;
  if (!user) {
    throw new AppError("UNAUTHENTICATED", context.viewer.credentialError ?? "sign in as staff to do this");
  }
  if (roles.length === 0 || user.role === "ADMIN" || roles.includes(user.role)) return true;
  throw new AppError("FORBIDDEN", `this needs the ${roles.join(" or ")} role`);
};
