import { Field, GraphQLISODateTime, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

@ObjectType({ description: "A key for a machine client; it reads published content only." })
@Entity("api_keys")
export class ApiKey {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field()
  @Column({ type: "text" })
  name!: string;

  /** SHA-256 of the key; the key itself is shown once, when created. */
  @Column({ type: "text", select: false })
  keyHash!: string;

  @Field({ description: "The first characters of the key, to tell keys apart." })
  @Column({ type: "text" })
  prefix!: string;

  @Column({ type: "uuid", nullable: true })
  createdById!: string | null;

  @Field(() => GraphQLISODateTime)
  @Column({ type: "timestamptz", default: () => "now()" })
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Column({ type: "timestamptz", nullable: true })
  revokedAt!: Date | null;
}
