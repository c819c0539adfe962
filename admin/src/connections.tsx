import { Button, Stack, Typography } from "@mui/material";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslate } from "react-admin";
import type { Connection } from "./resources";

/** One page of an API connection; the total comes with the first page only (it costs a count). */
export interface ConnectionPage<T> extends Connection<T> {
  totalCount?: number;
}

export interface LoadedConnection<T> {
  nodes: T[];
  totalCount: number | null;
  loaded: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
}

/**
 * A connection read page after page, each after the previous page's endCursor, for the screens
 * that grow a list with "load more" instead of react-admin's numbered pages. react-admin's refresh
 * refetches every loaded page, and so does every `refetchInterval` milliseconds when given.
 */
export function useConnection<T>(
  queryKey: readonly unknown[],
  fetchPage: (after: string | null) => Promise<ConnectionPage<T>>,
  refetchInterval?: number,
): LoadedConnection<T> {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    refetchInterval,
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.pageInfo.hasNextPage ? last.pageInfo.endCursor : undefined),
  });
  return {
    nodes: query.data?.pages.flatMap((p) => p.nodes) ?? [],
    totalCount: query.data?.pages[0]?.totalCount ?? null,
    loaded: query.data !== undefined,
    hasMore: query.hasNextPage,
    loadingMore: query.isFetchingNextPage,
    loadMore: () => void query.fetchNextPage(),
  };
}

/** "n of total" under a list, and the button that reads the next page while there is one. */
export function LoadMore<T>({ list }: { list: LoadedConnection<T> }) {
  const translate = useTranslate();
  if (!list.loaded || list.totalCount === 0) return null;
  return (
    <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: "center" }}>
      <Typography variant="body2" color="text.secondary" data-testid="list-count" data-total={list.totalCount ?? undefined}>
        {translate("list.shown", { shown: list.nodes.length, total: list.totalCount ?? "?" })}
      </Typography>
      {list.hasMore && (
        <Button size="small" variant="outlined" disabled={list.loadingMore} onClick={list.loadMore} data-testid="load-more">
          {translate("list.load_more")}
        </Button>
      )}
    </Stack>
  );
}
