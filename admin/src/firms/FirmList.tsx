import { BooleanField, CreateButton, DataTable, List, Pagination, TopToolbar, UrlField, usePermissions } from "react-admin";
import { hasRole } from "../authProvider";
import { useServerErrorNotifier } from "../errors";

function FirmListActions() {
  const { permissions } = usePermissions();
  return <TopToolbar>{hasRole(permissions, "EDITOR") && <CreateButton />}</TopToolbar>;
}

/** Firms in name order (the API's order; columns do not sort). */
export function FirmList() {
  const onError = useServerErrorNotifier();
  return (
    <List
      queryOptions={{ onError }}
      actions={<FirmListActions />}
      exporter={false}
      pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="name" disableSort />
        <DataTable.Col source="nameEn" disableSort />
        <DataTable.Col source="slug" disableSort />
        <DataTable.Col source="isPartner" field={BooleanField} disableSort />
        <DataTable.Col source="website" field={UrlField} disableSort />
      </DataTable>
    </List>
  );
}
