import { Edit, Labeled, SaveButton, SimpleForm, TextField, Toolbar } from "react-admin";
import { useServerErrorNotifier } from "../errors";
import { AnalystFields } from "./AnalystFields";

export function AnalystEdit() {
  const onError = useServerErrorNotifier();
  return (
    <Edit redirect="list" mutationMode="pessimistic" mutationOptions={{ onError }}>
      <SimpleForm
        toolbar={
          <Toolbar>
            <SaveButton />
          </Toolbar>
        }
      >
        <Labeled label="resources.analysts.fields.firmId">
          <TextField source="firm.name" />
        </Labeled>
        <AnalystFields />
      </SimpleForm>
    </Edit>
  );
}
