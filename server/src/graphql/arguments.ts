import { createParameterDecorator, ID, type ArgOptions } from "type-graphql";
import { requireUuid } from "../kernel/ids";
import { actorOf, type Actor } from "../modules/audit/audit.service";
import type { Context } from "./context";

/** The signed-in user as the audit log names them (the resolver's `Actor` parameter). */
export const CurrentActor = () =>
  createParameterDecorator<Context>(({ context }): Actor => actorOf(context.viewer));

/** A required `ID!` argument that must be a UUID (BAD_USER_INPUT naming it otherwise), passed on as a string. */
export const UuidArg = (name: string, options?: ArgOptions) =>
  createParameterDecorator<Context>(({ args }): string => requireUuid(args[name] as string, name), {
    arg: { name, typeFunc: () => ID, options },
  });
