import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, type ClassType } from "type-graphql";
import { lookup, type Lookup } from "../../kernel/ids";
import { connectionType, type ConnectionShape, type Page } from "../../kernel/pagination";
import type { Actor } from "../../modules/audit/audit.service";
import type { CatalogEntity } from "../../modules/catalog/catalog.entity";
import type { ReportParent } from "../../modules/report/report-query.service";
import type { Services } from "../../modules/services";
import { Role } from "../../modules/user/user.entity";
import { CurrentActor, UuidArg } from "../arguments";
import type { Context } from "../context";
import { ReportsArgs } from "../report/report.inputs";
import { relatedReports, ReportConnection } from "../report/report.types";
import type { CatalogArgs } from "./catalog.inputs";

/** What the catalogue's queries and mutations ask of a service (CatalogService and its subclasses). */
interface CatalogOperations<T, TList, TCreate, TUpdate> {
  findOne(key: Lookup): Promise<T | null>;
  list(args: TList): Promise<Page<T>>;
  create(actor: Actor, input: TCreate): Promise<T>;
  update(actor: Actor, id: string, input: TUpdate): Promise<T>;
}

export interface CatalogResolverOptions<T extends CatalogEntity, TList extends CatalogArgs, TCreate extends object, TUpdate extends object> {
  entity: ClassType<T>;
  /** The object type's name: `<name>Connection`, `create<name>`, `update<name>`. */
  name: string;
  /** The one-item query; its plural (with an s) is the list. Report lists name the parent the same way. */
  field: ReportParent;
  listDescription: string;
  listArgs: ClassType<TList>;
  createInput: ClassType<TCreate>;
  updateInput: ClassType<TUpdate>;
  service: (services: Services) => CatalogOperations<T, TList, TCreate, TUpdate>;
}

/**
 * The part of the API that firms, analysts and sector tags share: one by id or slug, a page in name
 * order, their reports, and editors' create and update. A concrete resolver extends the class this
 * returns (`@Resolver(() => Entity)`) and adds the fields of its own. Each call makes a new class:
 * type-graphql moves an inherited handler onto the one subclass that extends it.
 */
export function createCatalogResolver<T extends CatalogEntity, TList extends CatalogArgs, TCreate extends object, TUpdate extends object>(
  options: CatalogResolverOptions<T, TList, TCreate, TUpdate>,
) {
  const { entity, name, field, service } = options;
  const Connection = connectionType(entity, name);

  // type-graphql 2 has no `isAbstract`: the base names its object type so that its field resolver
  // knows where it belongs, and only the subclass is listed in the schema's resolvers.
  @Resolver(() => entity)
  abstract class CatalogResolver {
    @Query(() => entity, { name: field, nullable: true })
    async findOne(
      @Ctx() ctx: Context,
      @Arg("id", () => ID, { nullable: true }) id?: string | null,
      @Arg("slug", () => String, { nullable: true }) slug?: string | null,
    ): Promise<T | null> {
      const key = lookup(id, slug);
      return key ? service(ctx.services).findOne(key) : null;
    }

    @Query(() => Connection, { name: `${field}s`, description: options.listDescription })
    async list(@Ctx() ctx: Context, @Args(() => options.listArgs) args: TList): Promise<ConnectionShape<T>> {
      return new Connection(await service(ctx.services).list(args));
    }

    @FieldResolver(() => ReportConnection)
    reports(@Root() item: T, @Ctx() ctx: Context, @Args() args: ReportsArgs): Promise<InstanceType<typeof ReportConnection>> {
      return relatedReports(ctx, field, item.id, args);
    }

    @Authorized(Role.EDITOR)
    @Mutation(() => entity, { name: `create${name}` })
    create(@Ctx() ctx: Context, @CurrentActor() actor: Actor, @Arg("input", () => options.createInput) input: TCreate): Promise<T> {
      return service(ctx.services).create(actor, input);
    }

    @Authorized(Role.EDITOR)
    @Mutation(() => entity, { name: `update${name}` })
    update(@Ctx() ctx: Context, @CurrentActor() actor: Actor, @UuidArg("id") id: string, @Arg("input", () => options.updateInput) input: TUpdate): Promise<T> {
      return service(ctx.services).update(actor, id, input);
    }
  }
  return CatalogResolver;
}
