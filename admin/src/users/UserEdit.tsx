import { BooleanInput, Edit, Labeled, maxLength, required, SelectInput, TextField, TextInput } from "react-admin";
import { SaveOnlyForm } from "../forms";
import { useServerErrorNotifier } from "../errors";
import { roleChoices } from "./roles";

const nameRules = [required(), maxLength(100)];

/** The switch edits `disabledAt` as a flag: the data provider sends `disabled: Boolean(disabledAt)`. */
const asFlag = (disabledAt: unknown): boolean => Boolean(disabledAt);

export function UserEdit() {
  const onError = useServerErrorNotifier();
  return (
    <Edit redirect="list" mutationMode="pessimistic" mutationOptions={{ onError }}>
      <SaveOnlyForm>
        <Labeled label="resources.users.fields.email">
          <TextField source="email" />
        </Labeled>
        <TextInput source="name" validate={nameRules} />
        <SelectInput source="role" choices={roleChoices} validate={required()} />
        <BooleanInput
          source="disabledAt"
          label="resources.users.fields.disabled"
          format={asFlag}
          helperText="resources.users.helpers.disabled"
        />
      </SaveOnlyForm>
    </Edit>
  );
}
