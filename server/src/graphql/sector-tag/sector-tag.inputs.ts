import { Field, InputType } from "type-graphql";

@InputType()
export class CreateSectorTagInput {
  @Field({ description: "Shown as a hashtag, e.g. 인공지능(AI); at most 50 characters." })
  name!: string;

  @Field(() => String, { nullable: true })
  nameEn?: string | null;

  @Field(() => String, { nullable: true })
  slug?: string | null;
}

@InputType({ description: "Omitted fields stay as they are; an empty string clears an optional one." })
export class UpdateSectorTagInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  nameEn?: string | null;

  @Field(() => String, { nullable: true })
  slug?: string | null;
}
