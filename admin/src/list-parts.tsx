import { CreateButton, FilterButton, Pagination, TopToolbar, usePermissions } from "react-admin";
import { hasRole } from "./authProvider";

/** Filter and Create, the latter only for roles the server lets create (editors and admins). */
export function EditorListActions({ filters = false }: { filters?: boolean }) {
  const { permissions } = usePermissions();
  return (
    <TopToolbar>
      {filters && <FilterButton />}
      {hasRole(permissions, "EDITOR") && <CreateButton />}
    </TopToolbar>
  );
}

/** Next/previous paging over the API's cursors (no page numbers to jump to). */
export const CursorPagination = () => <Pagination rowsPerPageOptions={[10, 25, 50]} />;
