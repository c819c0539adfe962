import { SaveOnlyForm } from "../forms";
import { BooleanInput, maxLength, regex, required, TextInput } from "react-admin";

/** Optional texts keep "" so that clearing a field clears it on the server (null leaves it unchanged). */
const keepEmpty = (value: string): string => value;

const nameRules = [required(), maxLength(100)];
const slugRules = regex(/^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u, "resources.firms.validation.slug");
const websiteRules = [maxLength(300), regex(/^https?:\/\/\S+$/i, "resources.firms.validation.website")];

/** The fields of a firm, for both create and edit; firms are never deleted here. */
export function FirmForm() {
  return (
    <SaveOnlyForm>
      <TextInput source="name" validate={nameRules} />
      <TextInput source="nameEn" validate={maxLength(100)} parse={keepEmpty} />
      <TextInput source="website" type="url" validate={websiteRules} parse={keepEmpty} helperText="resources.firms.helpers.website" />
      <BooleanInput source="isPartner" defaultValue={true} />
      <TextInput source="slug" validate={slugRules} helperText="resources.firms.helpers.slug" />
    </SaveOnlyForm>
  );
}
