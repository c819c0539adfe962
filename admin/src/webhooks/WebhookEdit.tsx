import { BooleanInput, DeleteButton, Edit, SaveButton, SimpleForm, Toolbar } from "react-admin";
import { useServerErrorNotifier } from "../errors";
import { WebhookInputs } from "./WebhookInputs";

/** The endpoint's address and filters, on or off; deleting it (with its delivery log) asks first. */
export function WebhookEdit() {
  const onError = useServerErrorNotifier();
  return (
    <Edit redirect="show" mutationMode="pessimistic" mutationOptions={{ onError }} sx={{ wordBreak: "keep-all" }}>
      <SimpleForm
        toolbar={
          <Toolbar sx={{ justifyContent: "space-between" }}>
            <SaveButton />
            <DeleteButton mutationMode="pessimistic" mutationOptions={{ onError }} />
          </Toolbar>
        }
      >
        <WebhookInputs />
        <BooleanInput source="enabled" helperText="resources.webhooks.helpers.enabled" />
      </SimpleForm>
    </Edit>
  );
}
