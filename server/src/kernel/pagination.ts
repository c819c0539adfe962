import { ArgsType, Field, Int, ObjectType, type ClassType } from "type-graphql";
import { badInput } from "./errors";
import { isUuid } from "./ids";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** `first` checked against the page bounds (a batch may set its own). */
export function pageSize(first: number | null | undefined, { fallback = DEFAULT_PAGE_SIZE, max = MAX_PAGE_SIZE } = {}): number {
  if (first === null || first === undefined) return fallback;
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw badInput({ reason: "OUT_OF_RANGE", params: { min: 1, max } }, `first must be between 1 and ${max}`, "first");
  }
  return first;
}

/** An opaque keyset position: the order it belongs to, the sort key and the row id. */
export interface CursorPosition {
  order: string;
  key: string;
  id: string;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.order, position.key, position.id])).toString("base64url");
}

export interface CursorRules {
  /** Whether a sort key can be cast to the key's SQL type; forged cursors must not reach SQL casts. */
  key?: (key: string) => boolean;
  id?: (id: string) => boolean;
}

export function decodeCursor(cursor: string, order: string, rules: CursorRules = {}): CursorPosition {
  const validKey = rules.key ?? (() => true);
  const validId = rules.id ?? isUuid;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    parsed = null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || !parsed.every((part) => typeof part === "string")) {
    throw badInput({ reason: "INVALID_CURSOR" }, "after is not a valid cursor", "after");
  }
  const [cursorOrder, key, id] = parsed as [string, string, string];
  if (cursorOrder !== order) throw badInput({ reason: "CURSOR_ORDER_MISMATCH" }, "after belongs to a different orderBy", "after");
  if (key.includes("\u0000") || !validKey(key) || !validId(id)) throw badInput({ reason: "INVALID_CURSOR" }, "after is not a valid cursor", "after");
  return { order, key, id };
}

/**
 * One page as a service returns it; `count` runs only if the client selects totalCount, and a
 * cursor is written only when asked for (most pages are read for their endCursor alone).
 */
export interface Page<T> {
  nodes: T[];
  cursorAt(index: number): string;
  hasNextPage: boolean;
  count: () => Promise<number>;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount(): Promise<number>;
}

/** The GraphQL connection type for `node`, named `<name>Connection` with `<name>Edge`. */
export function connectionType<T extends object>(node: ClassType<T>, name: string): new (page: Page<T>) => ConnectionShape<T> {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class Connection implements ConnectionShape<T> {
    @Field(() => [node])
    nodes: T[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    readonly #count: () => Promise<number>;
    readonly #page: Page<T>;

    constructor(page: Page<T>) {
      this.nodes = page.nodes;
      this.#page = page;
      this.pageInfo = { hasNextPage: page.hasNextPage, endCursor: page.nodes.length ? page.cursorAt(page.nodes.length - 1) : null };
      this.#count = page.count;
    }

    @Field(() => [Edge])
    get edges(): Edge[] {
      return this.#page.nodes.map((node, i) => ({ cursor: this.#page.cursorAt(i), node }));
    }

    @Field(() => Int, { description: "All matching items; computed only when selected." })
    totalCount(): Promise<number> {
      return this.#count();
    }
  }
  return Connection;
}

/**
 * Turns `size + 1` fetched rows into a page: the extra row only says that more exist. The cursor
 * names a row by its node's id, or by `idOf` for nodes that have none of their own.
 */
export function pageFromRows<T extends { id: string }>(rows: { node: T; key: string }[], size: number, order: string, count: () => Promise<number>): Page<T>;
export function pageFromRows<T>(rows: { node: T; key: string }[], size: number, order: string, count: () => Promise<number>, idOf: (node: T) => string): Page<T>;
export function pageFromRows<T>(
  rows: { node: T; key: string }[],
  size: number,
  order: string,
  count: () => Promise<number>,
  idOf = (node: T): string => (node as { id: string }).id,
): Page<T> {
  const visible = rows.slice(0, size);
  return {
    nodes: visible.map((r) => r.node),
    cursorAt: (index) => encodeCursor({ order, key: visible[index].key, id: idOf(visible[index].node) }),
    hasNextPage: rows.length > size,
    count,
  };
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1–${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "The endCursor of the previous page." })
  after?: string | null;
}
