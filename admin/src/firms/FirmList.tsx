import { BooleanField, DataTable, List, UrlField } from "react-admin";
import { useServerErrorNotifier } from "../errors";
import { CursorPagination, EditorListActions } from "../list-parts";

/** Firms in name order (the API's order; columns do not sort). */
export function FirmList() {
  const onError = useServerErrorNotifier();
  return (
    <List
      queryOptions={{ onError }}
      actions={<EditorListActions />}
      exporter={false}
      pagination={<CursorPagination />}
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
