import { Field, GraphQLISODateTime, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity } from "typeorm";
import { BaseEntity } from "../../kernel/base.entity";

export enum Role {
  ADMIN = "ADMIN",
  EDITOR = "EDITOR",
  REVIEWER = "REVIEWER",
}
registerEnumType(Role, { name: "Role", description: "A staff role; ADMIN holds every role." });

@ObjectType({ description: "A staff member." })
@Entity("users")
export class User extends BaseEntity {
  @Field()
  @Column({ type: "text", unique: true })
  email!: string;

  @Field()
  @Column({ type: "text" })
  name!: string;

  @Field(() => Role)
  @Column({ type: "text" })
  role!: Role;

  /** argon2id; never leaves the server, never enters the audit log. Null: cannot sign in. */
  @Column({ type: "text", nullable: true, select: false })
  passwordHash!: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: "Set when an admin disabled the account." })
  @Column({ type: "timestamptz", nullable: true })
  disabledAt!: Date | null;
}
