import { GraphQLJSON } from "graphql-scalars";
import { Field, GraphQLISODateTime, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

@ObjectType({ description: "One recorded change or sign-in; the log is append-only." })
@Entity("audit_events")
export class AuditEvent {
  @Field(() => ID)
  @PrimaryGeneratedColumn("identity", { type: "bigint", generatedIdentity: "ALWAYS" })
  id!: string;

  @Field(() => GraphQLISODateTime)
  @Column({ type: "timestamptz", default: () => "now()" })
  at!: Date;

  @Field(() => ID, { nullable: true, description: "The user who acted; null for the system." })
  @Column({ type: "uuid", nullable: true })
  actorId!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  actorEmail!: string | null;

  @Field()
  @Column({ type: "text" })
  action!: string;

  @Field()
  @Column({ type: "text" })
  entityType!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  entityId!: string | null;

  @Field(() => GraphQLJSON, { nullable: true })
  @Column({ type: "jsonb", nullable: true })
  before!: Record<string, unknown> | null;

  @Field(() => GraphQLJSON, { nullable: true })
  @Column({ type: "jsonb", nullable: true })
  after!: Record<string, unknown> | null;
}
