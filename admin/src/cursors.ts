/**
 * react-admin pages by number; the API pages by cursor. For each list (resource, filter, sort and
 * page size) this keeps the endCursor of every page seen, so page n starts after page n-1's end.
 * Jumping ahead walks forward through the pages in between.
 */
const stacks = new Map<string, (string | null)[]>();

export interface PageFetch<T> {
  (after: string | null): Promise<{ nodes: T[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }>;
}

export async function fetchPage<T>(listKey: string, page: number, perPage: number, fetch: PageFetch<T>) {
  const stack = stacks.get(listKey) ?? [null];
  stacks.set(listKey, stack);
  for (let p = stack.length; p < page; p++) {
    const previous = await fetch(stack[p - 1]);
    if (!previous.pageInfo.hasNextPage) break;
    stack[p] = previous.pageInfo.endCursor;
  }
  const after = stack[Math.min(page, stack.length) - 1] ?? null;
  const result = await fetch(after);
  if (result.pageInfo.hasNextPage) stack[page] = result.pageInfo.endCursor;
  // On the last page the total is known exactly; before it, the pager shows "more than".
  const total = result.pageInfo.hasNextPage ? undefined : (page - 1) * perPage + result.nodes.length;
  return { data: result.nodes, total, pageInfo: { hasNextPage: result.pageInfo.hasNextPage, hasPreviousPage: page > 1 } };
}
