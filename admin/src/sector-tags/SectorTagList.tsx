import { DataTable, List, usePermissions } from "react-admin";
import { hasRole } from "../authProvider";
import { useServerErrorNotifier } from "../errors";
import { CursorPagination, EditorListActions } from "../list-parts";

/** Sector tags in name order (the API's order; columns do not sort). */
export function SectorTagList() {
  const onError = useServerErrorNotifier();
  const { permissions } = usePermissions();
  const canEdit = hasRole(permissions, "EDITOR");
  return (
    <List
      queryOptions={{ onError }}
      actions={<EditorListActions />}
      exporter={false}
      pagination={<CursorPagination />}
    >
      <DataTable rowClick={canEdit ? "edit" : false} bulkActionButtons={false}>
        <DataTable.Col source="name" disableSort />
        <DataTable.Col source="nameEn" disableSort />
        <DataTable.Col source="slug" disableSort />
      </DataTable>
    </List>
  );
}
