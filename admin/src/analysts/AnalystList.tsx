import { CreateButton, DataTable, FilterButton, List, Pagination, TopToolbar, usePermissions } from "react-admin";
import { hasRole } from "../authProvider";
import { useServerErrorNotifier } from "../errors";
import { FirmInput } from "./FirmInput";

const filters = [<FirmInput key="firmId" source="firmId" alwaysOn />];

function AnalystListActions({ canEdit }: { canEdit: boolean }) {
  return (
    <TopToolbar>
      <FilterButton />
      {canEdit && <CreateButton />}
    </TopToolbar>
  );
}

/** Analysts in name order (the API's order; columns do not sort). */
export function AnalystList() {
  const onError = useServerErrorNotifier();
  const { permissions } = usePermissions();
  const canEdit = hasRole(permissions, "EDITOR");
  return (
    <List
      queryOptions={{ onError }}
      filters={filters}
      actions={<AnalystListActions canEdit={canEdit} />}
      exporter={false}
      pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
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
