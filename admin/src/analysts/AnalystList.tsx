import { DataTable } from "react-admin";
import { CursorList, EditorListActions, useCanEdit } from "../list-parts";
import { FirmInput } from "./FirmInput";

const filters = [<FirmInput key="firmId" source="firmId" alwaysOn />];

/** Analysts in name order (the API's order; columns do not sort). */
export function AnalystList() {
  const canEdit = useCanEdit();
  return (
    <CursorList
      filters={filters}
      actions={<EditorListActions filters />}
    >
      <DataTable rowClick={canEdit ? "edit" : false} bulkActionButtons={false}>
        <DataTable.Col source="name" disableSort />
        <DataTable.Col source="nameEn" disableSort />
        <DataTable.Col source="title" disableSort />
        <DataTable.Col source="firm.name" label="resources.analysts.fields.firmId" disableSort />
        <DataTable.Col source="email" disableSort />
      </DataTable>
    </CursorList>
  );
}
