import { DataTable, List, Pagination, SelectField } from "react-admin";
import { useServerErrorNotifier } from "../errors";
import { SeoulDateField } from "../time";
import { roleChoices } from "./roles";

/** Staff accounts in name order (the API's order; columns do not sort). */
export function UserList() {
  const onError = useServerErrorNotifier();
  return (
    <List queryOptions={{ onError }} exporter={false} pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}>
      <DataTable rowClick="edit" bulkActionButtons={false}>
        <DataTable.Col source="email" disableSort />
        <DataTable.Col source="name" disableSort />
        <DataTable.Col source="role" disableSort>
          <SelectField source="role" choices={roleChoices} />
        </DataTable.Col>
        <DataTable.Col source="disabledAt" field={SeoulDateField} disableSort />
      </DataTable>
    </List>
  );
}
