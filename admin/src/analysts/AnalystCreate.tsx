import { Create, required, SaveButton, SimpleForm, Toolbar } from "react-admin";
import { useServerErrorNotifier } from "../errors";
import { AnalystFields } from "./AnalystFields";
import { FirmInput } from "./FirmInput";

export function AnalystCreate() {
  const onError = useServerErrorNotifier();
  return (
    <Create redirect="list" mutationOptions={{ onError }}>
      <SimpleForm
        toolbar={
          <Toolbar>
            <SaveButton />
          </Toolbar>
        }
      >
        <FirmInput source="firmId" validate={required()} helperText="resources.analysts.helpers.firm" />
        <AnalystFields />
      </SimpleForm>
    </Create>
  );
}
