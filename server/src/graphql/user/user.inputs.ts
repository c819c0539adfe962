import { Field, GraphQLISODateTime, InputType, ObjectType } from "type-graphql";
import { Role, User } from "../../modules/user/user.entity";

@InputType()
export class CreateUserInput {
  @Field()
  email!: string;

  @Field()
  name!: string;

  @Field(() => Role)
  role!: Role;

  @Field({ description: "12–200 characters." })
  password!: string;
}

@InputType({ description: "Admin changes to a user; omitted fields stay as they are." })
export class UpdateUserInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => Role, { nullable: true })
  role?: Role | null;

  @Field(() => Boolean, { nullable: true, description: "A disabled user cannot sign in; their sessions end." })
  disabled?: boolean | null;
}

@InputType({ description: "What users may change about themselves." })
export class UpdateMeInput {
  @Field()
  name!: string;
}

@ObjectType()
export class LoginResult {
  @Field({ description: "Bearer token for scripts (`Authorization: Bearer …`); browsers use the cookie." })
  token!: string;

  @Field(() => GraphQLISODateTime)
  expiresAt!: Date;

  @Field(() => User)
  user!: User;
}
