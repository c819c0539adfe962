import { ArgsType, Field, GraphQLISODateTime, ID, InputType } from "type-graphql";
import { PageArgs } from "../../kernel/pagination";

@InputType({ description: "All given conditions must hold." })
export class AuditFilter {
  @Field(() => ID, { nullable: true })
  actorId?: string | null;

  @Field(() => String, { nullable: true, description: "Report, Firm, Analyst, SectorTag, DisclaimerTemplate, User, ApiKey, Database (backups)." })
  entityType?: string | null;

  @Field(() => String, { nullable: true })
  entityId?: string | null;

  @Field(() => String, { nullable: true, description: "CREATE, UPDATE, DELETE, LOGIN, ROLE_CHANGE, BACKUP, …" })
  action?: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: "At or after this time." })
  from?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: "Before this time." })
  to?: Date | null;
}

@ArgsType()
export class AuditEventsArgs extends PageArgs {
  @Field(() => AuditFilter, { nullable: true })
  filter?: AuditFilter | null;
}
