import { ArgsType, Field, ID } from "type-graphql";
import { PageArgs } from "../../common/pagination";

@ArgsType()
export class AnalystsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: "Only analysts of this firm." })
  firmId?: string | null;
}
