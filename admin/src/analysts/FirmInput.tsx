import { AutocompleteInput, ReferenceInput, useChoicesContext, type Validator } from "react-admin";

interface FirmInputProps {
  source: string;
  label?: string;
  helperText?: string;
  validate?: Validator | Validator[];
  /** Read by the list's filter form. */
  alwaysOn?: boolean;
}

/**
 * The choices (up to 100 firms, in name order) are loaded once and filtered in the browser as the
 * user types, Hangul included.
 */
function LocallyFilteredFirms({ source, label, helperText, validate }: FirmInputProps) {
  const { allChoices, isPending } = useChoicesContext();
  return (
    <AutocompleteInput
      source={source}
      label={label}
      helperText={helperText}
      validate={validate}
      choices={allChoices}
      isPending={isPending}
      optionText="name"
      translateChoice={false}
    />
  );
}

/** A firm picker (ReferenceInput to firms with an AutocompleteInput). */
export function FirmInput(props: FirmInputProps) {
  return (
    <ReferenceInput source={props.source} reference="firms" perPage={100}>
      <LocallyFilteredFirms {...props} />
    </ReferenceInput>
  );
}
