import { Authorized, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../context";
import { Analyst } from "../../modules/analyst/analyst.entity";
import { DisclaimerTemplate } from "../../modules/disclaimer/disclaimer-template.entity";
import { Firm } from "../../modules/firm/firm.entity";
import { CatalogArgs } from "../catalog/catalog.inputs";
import { createCatalogResolver } from "../catalog/catalog.resolver";
import { CreateFirmInput, UpdateFirmInput } from "./firm.inputs";

@Resolver(() => Firm)
export class FirmResolver extends createCatalogResolver({
  entity: Firm,
  name: "Firm",
  field: "firm",
  listDescription: "Firms in name order.",
  listArgs: CatalogArgs,
  createInput: CreateFirmInput,
  updateInput: UpdateFirmInput,
  service: (services) => services.firms,
}) {
  @FieldResolver(() => [Analyst], { description: "In name order." })
  analysts(@Root() firm: Firm, @Ctx() ctx: Context): Promise<Analyst[]> {
    return ctx.loaders.analystsOfFirm.load(firm.id);
  }

  @Authorized()
  @FieldResolver(() => [DisclaimerTemplate], { description: "Every version, newest first, future ones included (staff only)." })
  disclaimerTemplates(@Root() firm: Firm, @Ctx() ctx: Context): Promise<DisclaimerTemplate[]> {
    return ctx.loaders.templatesOfFirm.load(firm.id);
  }

  @Authorized()
  @FieldResolver(() => DisclaimerTemplate, {
    nullable: true,
    description: "The version in effect now (the highest whose effectiveFrom has passed): what attachDisclaimer attaches (staff only).",
  })
  currentDisclaimerTemplate(@Root() firm: Firm, @Ctx() ctx: Context): Promise<DisclaimerTemplate | null> {
    return ctx.loaders.currentTemplateOfFirm.load(firm.id);
  }
}
