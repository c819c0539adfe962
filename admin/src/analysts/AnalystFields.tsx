import { email, maxLength, regex, required, TextInput } from "react-admin";

/** Optional texts keep "" so that clearing a field clears it on the server (null leaves it unchanged). */
const keepEmpty = (value: string): string => value;

const nameRules = [required(), maxLength(100)];
const emailRules = [email(), maxLength(254)];
const slugRules = regex(/^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u, "resources.analysts.validation.slug");

/** The analyst's own fields, shared by create and edit (the firm is chosen once, on create). */
export function AnalystFields() {
  return (
    <>
      <TextInput source="name" validate={nameRules} />
      <TextInput source="nameEn" validate={maxLength(100)} parse={keepEmpty} />
      <TextInput source="title" validate={maxLength(100)} parse={keepEmpty} helperText="resources.analysts.helpers.title" />
      <TextInput source="email" type="email" validate={emailRules} parse={keepEmpty} helperText="resources.analysts.helpers.email" />
      <TextInput source="slug" validate={slugRules} helperText="resources.analysts.helpers.slug" />
    </>
  );
}
