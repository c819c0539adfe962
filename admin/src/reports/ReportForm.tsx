import {
  AutocompleteArrayInput,
  AutocompleteInput,
  ReferenceArrayInput,
  ReferenceInput,
  required,
  SimpleForm,
  TextInput,
  useTranslate,
  type SimpleFormProps,
} from "react-admin";
import { useWatch } from "react-hook-form";
import { BodyInput } from "./body/BodyInput";
import { RejectionNote } from "./Rejection";

const lines = (value: unknown): string => (Array.isArray(value) ? value.join("\n") : "");
// Blank lines are kept while typing (so Enter works) and dropped when saving (dataProvider).
const toBullets = (text: string): string[] => text.split("\n");

/** Analysts offered are those of the chosen firm: the server refuses any other. */
function AnalystsInput() {
  const firmId = useWatch({ name: "firmId" }) as string | undefined;
  return (
    <ReferenceArrayInput source="content.analystIds" reference="analysts" filter={firmId ? { firmId } : {}}>
      <AutocompleteArrayInput optionText="name" validate={required()} />
    </ReferenceArrayInput>
  );
}

/** The fields editors write, under the reviewer's rejection they answer; the firm is fixed once the report exists. */
export function ReportForm({ creating, ...props }: Omit<SimpleFormProps, "children"> & { creating?: boolean }) {
  const translate = useTranslate();
  return (
    <SimpleForm {...props}>
      <RejectionNote />
      {creating && (
        <ReferenceInput source="firmId" reference="firms">
          <AutocompleteInput optionText="name" validate={required()} />
        </ReferenceInput>
      )}
      <TextInput source="content.title" validate={required()} fullWidth />
      <TextInput source="content.subject" validate={required()} />
      <TextInput
        source="content.summary"
        multiline
        minRows={3}
        fullWidth
        format={lines}
        parse={toBullets}
        helperText={translate("report.summary_hint")}
        validate={required()}
      />
      <AnalystsInput />
      <ReferenceArrayInput source="content.sectorTagIds" reference="sectorTags">
        <AutocompleteArrayInput optionText="name" />
      </ReferenceArrayInput>
      <BodyInput source="content.body" />
    </SimpleForm>
  );
}
