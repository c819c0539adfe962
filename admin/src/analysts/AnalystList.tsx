import { DataTable, List, usePermissions } from "react-admin";
import { hasRole } from "../authProvider";
import { useServerErrorNotifier } from "../errors";
import { CursorPagination, EditorListActions } from "../list-parts";
import { FirmInput } from "./FirmInput";

const filters = [<FirmInput key="firmId" source="firmId" alwaysOn />];

/** Analysts in name order (the API's order; columns do not sort). */
export function AnalystList() {
  const onError = useServerErrorNotifier();
  const { permissions } = usePermissions();
  const canEdit = hasRole(permissions, "EDITOR");
  return (
    <List
      queryOptions={{ onError }}
      filters={filters}
      actions={<EditorListActions filters />}
      exporter={false}
      pagination={<CursorPagination />}
    >
      <DataTable rowClick={canEdit ? "edit" : false} bulkActionButtons={false}>
        <DataTable.Col source="name" disableSort />
        <DataTable.Col source="nameEn" disableSort />
        <DataTable.Col source="title" disableSort />
        <DataTable.Col source="firm.name" label="resources.analysts.fields.firmId" disableSort />
        <DataTable.Col source="email" disableSort />
      </DataTable>
    </List>
  );
}
