import { ArgsType, Field, ID, InputType } from "type-graphql";
import { CatalogArgs } from "../catalog/catalog.inputs";

@ArgsType()
export class AnalystsArgs extends CatalogArgs {
  @Field(() => ID, { nullable: true, description: "Only analysts of this firm." })
  firmId?: string | null;
}

@InputType()
export class CreateAnalystInput {
  @Field(() => ID, { description: "Fixed: an analyst's reports name this firm." })
  firmId!: string;

  @Field({ description: "At most 100 characters." })
  name!: string;

  @Field(() => String, { nullable: true })
  nameEn?: string | null;

  @Field(() => String, { nullable: true, description: "Job title, e.g. 수석연구원." })
  title?: string | null;

  @Field(() => String, { nullable: true, description: "Visible to staff only." })
  email?: string | null;

  @Field(() => String, { nullable: true })
  slug?: string | null;
}

@InputType({ description: "Omitted fields stay as they are; an empty string clears an optional one." })
export class UpdateAnalystInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  nameEn?: string | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  slug?: string | null;
}
