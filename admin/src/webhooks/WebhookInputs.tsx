import { AutocompleteArrayInput, maxLength, ReferenceArrayInput, required, SelectArrayInput, TextInput } from "react-admin";
import { ReportEventType } from "../../../server/src/modules/report-events/report-event";

const eventTypeChoices = Object.values(ReportEventType).map((type) => ({ id: type, name: `resources.webhooks.eventTypes.${type}` }));
const urlRules = [required(), maxLength(2000)];
const descriptionRules = [maxLength(500)];

/** The fields creating and editing an endpoint share; an empty list means every type, firm or tag. */
export function WebhookInputs() {
  return (
    <>
      <TextInput source="url" validate={urlRules} fullWidth helperText="resources.webhooks.helpers.url" />
      <TextInput source="description" validate={descriptionRules} fullWidth />
      <SelectArrayInput source="eventTypes" choices={eventTypeChoices} helperText="resources.webhooks.helpers.eventTypes" sx={{ minWidth: 320 }} />
      <ReferenceArrayInput source="firmIds" reference="firms" perPage={100}>
        <AutocompleteArrayInput optionText="name" helperText="resources.webhooks.helpers.firmIds" sx={{ minWidth: 320 }} />
      </ReferenceArrayInput>
      <ReferenceArrayInput source="sectorTagIds" reference="sectorTags" perPage={100}>
        <AutocompleteArrayInput optionText="name" helperText="resources.webhooks.helpers.sectorTagIds" sx={{ minWidth: 320 }} />
      </ReferenceArrayInput>
    </>
  );
}
