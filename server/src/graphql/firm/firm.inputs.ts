import { Field, InputType } from "type-graphql";

@InputType()
export class CreateFirmInput {
  @Field({ description: "At most 100 characters." })
  name!: string;

  @Field(() => String, { nullable: true })
  nameEn?: string | null;

  @Field(() => String, { nullable: true, description: "An http(s) URL." })
  website?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true })
  isPartner?: boolean | null;

  @Field(() => String, { nullable: true, description: "Made from the name when omitted." })
  slug?: string | null;
}

@InputType({ description: "Omitted fields stay as they are; an empty string clears an optional one." })
export class UpdateFirmInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  nameEn?: string | null;

  @Field(() => String, { nullable: true })
  website?: string | null;

  @Field(() => Boolean, { nullable: true })
  isPartner?: boolean | null;

  @Field(() => String, { nullable: true })
  slug?: string | null;
}
