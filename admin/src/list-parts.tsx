import { CreateButton, FilterButton, List, Pagination, TopToolbar, usePermissions, type ListProps } from "react-admin";
import { hasRole } from "./authProvider";
import { useServerErrorNotifier } from "./errors";

/** Filter and Create, the latter only for roles the server lets create (editors and admins). */
export function EditorListActions({ filters = false }: { filters?: boolean }) {
  const canEdit = useCanEdit();
  return (
    <TopToolbar>
      {filters && <FilterButton />}
      {canEdit && <CreateButton />}
    </TopToolbar>
  );
}

/** Next/previous paging over the API's cursors (no page numbers to jump to). */
export const CursorPagination = () => <Pagination rowsPerPageOptions={[10, 25, 50]} />;

/**
 * A list over the API's cursors: server errors shown translated, next/previous paging, and no CSV
 * export (it would stop silently at one page of 100).
 */
export function CursorList(props: Omit<ListProps, "pagination" | "exporter" | "queryOptions">) {
  const onError = useServerErrorNotifier();
  return <List queryOptions={{ onError }} exporter={false} pagination={<CursorPagination />} {...props} />;
}

/** Whether the signed-in role may edit (editors and admins), as the server decides. */
export function useCanEdit(): boolean {
  return hasRole(usePermissions().permissions, "EDITOR");
}
