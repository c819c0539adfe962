import { DataTable, SelectField } from "react-admin";
import { CursorList } from "../list-parts";
import { SeoulDateField } from "../time";
import { roleChoices } from "./roles";

/** Staff accounts in name order (the API's order; columns do not sort). */
export function UserList() {
  return (
    <CursorList>
      <DataTable rowClick="edit" bulkActionButtons={false}>
        <DataTable.Col source="email" disableSort />
        <DataTable.Col source="name" disableSort />
        <DataTable.Col source="role" disableSort>
          <SelectField source="role" choices={roleChoices} />
        </DataTable.Col>
        <DataTable.Col source="disabledAt" field={SeoulDateField} disableSort />
      </DataTable>
    </CursorList>
  );
}
