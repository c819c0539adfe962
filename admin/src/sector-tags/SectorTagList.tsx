import { DataTable } from "react-admin";
import { CursorList, EditorListActions, useCanEdit } from "../list-parts";

/** Sector tags in name order (the API's order; columns do not sort). */
export function SectorTagList() {
  const canEdit = useCanEdit();
  return (
    <CursorList
      actions={<EditorListActions />}
    >
      <DataTable rowClick={canEdit ? "edit" : false} bulkActionButtons={false}>
        <DataTable.Col source="name" disableSort />
        <DataTable.Col source="nameEn" disableSort />
        <DataTable.Col source="slug" disableSort />
      </DataTable>
    </CursorList>
  );
}
