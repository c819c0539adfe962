import { Authorized, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { Analyst } from "../../modules/analyst/analyst.entity";
import { Firm } from "../../modules/firm/firm.entity";
import { createCatalogResolver } from "../catalog/catalog.resolver";
import { AnalystsArgs, CreateAnalystInput, UpdateAnalystInput } from "./analyst.inputs";

@Resolver(() => Analyst)
export class AnalystResolver extends createCatalogResolver({
  entity: Analyst,
  name: "Analyst",
  field: "analyst",
  listDescription: "Analysts in name order.",
  listArgs: AnalystsArgs,
  createInput: CreateAnalystInput,
  updateInput: UpdateAnalystInput,
  service: (services) => services.analysts,
}) {
  @FieldResolver(() => Firm)
  async firm(@Root() analyst: Analyst, @Ctx() ctx: Context): Promise<Firm> {
    return (await ctx.loaders.firm.load(analyst.firmId))!;
  }

  @Authorized()
  @FieldResolver(() => String, { nullable: true, description: "Staff only." })
  email(@Root() analyst: Analyst): string | null {
    return analyst.email;
  }
}
