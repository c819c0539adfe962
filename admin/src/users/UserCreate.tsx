import { Create, email, maxLength, minLength, PasswordInput, required, SelectInput, TextInput } from "react-admin";
import { SaveOnlyForm } from "../forms";
import { useServerErrorNotifier } from "../errors";
import { roleChoices } from "./roles";

const emailRules = [required(), email(), maxLength(254)];
const nameRules = [required(), maxLength(100)];
const passwordRules = [required(), minLength(12), maxLength(200)];

export function UserCreate() {
  const onError = useServerErrorNotifier();
  return (
    <Create redirect="list" mutationOptions={{ onError }}>
      <SaveOnlyForm>
        <TextInput source="email" type="email" validate={emailRules} autoComplete="off" />
        <TextInput source="name" validate={nameRules} />
        <SelectInput source="role" choices={roleChoices} validate={required()} defaultValue="EDITOR" />
        <PasswordInput source="password" validate={passwordRules} autoComplete="new-password" helperText="resources.users.helpers.password" />
      </SaveOnlyForm>
    </Create>
  );
}
