import { Field, GraphQLISODateTime, ID, ObjectType } from "type-graphql";
import { CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";

/** Id and timestamps; subclasses are the object types and inherit these fields. */
@ObjectType()
export abstract class BaseEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Field(() => GraphQLISODateTime)
  @CreateDateColumn({ type: "timestamptz" })
  createdAt!: Date;

  @Field(() => GraphQLISODateTime)
  @UpdateDateColumn({ type: "timestamptz" })
  updatedAt!: Date;
}
