import { ArgsType, Field, ID } from "type-graphql";
import { MAX_PAGE_SIZE, PageArgs } from "../../kernel/pagination";

/** `ids` lets a client that names rows by id (react-admin's getMany) read them in one request, not one each. */
@ArgsType()
export class CatalogArgs extends PageArgs {
  @Field(() => [ID], {
    nullable: true,
    description: `Only the rows with these ids, at most ${MAX_PAGE_SIZE}; unknown ids are left out. Paged like the rest: pass first to get them all in one page.`,
  })
  ids?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: "Only rows whose name (users: or e-mail; catalogues: or English name) contains this text, in any case; Hangul as typed.",
  })
  search?: string | null;
}
