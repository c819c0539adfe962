import { Edit, Labeled, TextField } from "react-admin";
import { SaveOnlyForm } from "../forms";
import { useServerErrorNotifier } from "../errors";
import { AnalystFields } from "./AnalystFields";

export function AnalystEdit() {
  const onError = useServerErrorNotifier();
  return (
    <Edit redirect="list" mutationMode="pessimistic" mutationOptions={{ onError }}>
      <SaveOnlyForm>
        <Labeled label="resources.analysts.fields.firmId">
          <TextField source="firm.name" />
        </Labeled>
        <AnalystFields />
      </SaveOnlyForm>
    </Edit>
  );
}
