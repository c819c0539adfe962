import { SaveOnlyForm } from "../forms";
import { maxLength, regex, required, TextInput } from "react-admin";

/** Optional texts keep "" so that clearing a field clears it on the server (null leaves it unchanged). */
const keepEmpty = (value: string): string => value;

const nameRules = [required(), maxLength(50)];
const slugRules = regex(/^[\p{Ll}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{N}]+)*$/u, "resources.sectorTags.validation.slug");

/** The fields of a sector tag, for both create and edit; tags are never deleted here. */
export function SectorTagForm() {
  return (
    <SaveOnlyForm>
      <TextInput source="name" validate={nameRules} helperText="resources.sectorTags.helpers.name" />
      <TextInput source="nameEn" validate={maxLength(50)} parse={keepEmpty} />
      <TextInput source="slug" validate={slugRules} helperText="resources.sectorTags.helpers.slug" />
    </SaveOnlyForm>
  );
}
