import { Resolver } from "type-graphql";
import { SectorTag } from "../../modules/sector-tag/sector-tag.entity";
import { CatalogArgs } from "../catalog/catalog.inputs";
import { createCatalogResolver } from "../catalog/catalog.resolver";
import { CreateSectorTagInput, UpdateSectorTagInput } from "./sector-tag.inputs";

@Resolver(() => SectorTag)
export class SectorTagResolver extends createCatalogResolver({
  entity: SectorTag,
  name: "SectorTag",
  field: "sectorTag",
  listDescription: "Sector tags in name order.",
  listArgs: CatalogArgs,
  createInput: CreateSectorTagInput,
  updateInput: UpdateSectorTagInput,
  service: (services) => services.sectorTags,
}) {}
