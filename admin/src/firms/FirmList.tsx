import { BooleanField, DataTable, UrlField } from "react-admin";
import { CursorList, EditorListActions } from "../list-parts";

/** Firms in name order (the API's order; columns do not sort). */
export function FirmList() {
  return (
    <CursorList
      actions={<EditorListActions />}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="name" disableSort />
        <DataTable.Col source="nameEn" disableSort />
        <DataTable.Col source="slug" disableSort />
        <DataTable.Col source="isPartner" field={BooleanField} disableSort />
        <DataTable.Col source="website" field={UrlField} disableSort />
      </DataTable>
    </CursorList>
  );
}
