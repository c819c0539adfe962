import { BooleanField, EditButton, Show, SimpleShowLayout, TextField, TopToolbar, UrlField, usePermissions } from "react-admin";
import { hasRole } from "../authProvider";
import { SeoulDateField } from "../time";
import { DisclaimerTemplates } from "./DisclaimerTemplates";

function FirmShowActions() {
  const { permissions } = usePermissions();
  return <TopToolbar>{hasRole(permissions, "EDITOR") && <EditButton />}</TopToolbar>;
}

export function FirmShow() {
  return (
    <Show actions={<FirmShowActions />}>
      <SimpleShowLayout>
        <TextField source="name" />
        <TextField source="nameEn" />
        <TextField source="slug" />
        <BooleanField source="isPartner" />
        <UrlField source="website" />
        <SeoulDateField source="createdAt" />
      </SimpleShowLayout>
      <DisclaimerTemplates />
    </Show>
  );
}
