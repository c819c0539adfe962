import { Create, required } from "react-admin";
import { SaveOnlyForm } from "../forms";
import { useServerErrorNotifier } from "../errors";
import { AnalystFields } from "./AnalystFields";
import { FirmInput } from "./FirmInput";

export function AnalystCreate() {
  const onError = useServerErrorNotifier();
  return (
    <Create redirect="list" mutationOptions={{ onError }}>
      <SaveOnlyForm>
        <FirmInput source="firmId" validate={required()} helperText="resources.analysts.helpers.firm" />
        <AnalystFields />
      </SaveOnlyForm>
    </Create>
  );
}
