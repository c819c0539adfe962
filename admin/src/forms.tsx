import { SaveButton, SimpleForm, Toolbar, type SimpleFormProps } from "react-admin";

/**
 * A form with Save only: these resources cannot be deleted through the API, so react-admin's
 * default Delete button would only ever fail.
 */
export function SaveOnlyForm(props: SimpleFormProps) {
  return (
    <SimpleForm
      toolbar={
        <Toolbar>
          <SaveButton />
        </Toolbar>
      }
      {...props}
    />
  );
}
