import {
  AutocompleteInput,
  Datagrid,
  DateInput,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextField,
  useTranslate,
  WrapperField,
} from "react-admin";
import { CursorList, EditorListActions } from "../list-parts";
import { SeoulDateField } from "../time";
import { RejectedMarker } from "./Rejection";
import { StatusField } from "./StatusChip";

const STATUSES = ["DRAFT", "IN_REVIEW", "APPROVED", "SCHEDULED", "PUBLISHED", "RETRACTED"];

function useFilters() {
  const translate = useTranslate();
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="status" source="status" choices={STATUSES.map((id) => ({ id, name: translate(`status.${id}`) }))} alwaysOn />,
    <ReferenceInput key="firmId" source="firmId" reference="firms">
      <AutocompleteInput optionText="name" />
    </ReferenceInput>,
    <ReferenceInput key="analystId" source="analystId" reference="analysts">
      <AutocompleteInput optionText="name" />
    </ReferenceInput>,
    <ReferenceInput key="sectorTagId" source="sectorTagId" reference="sectorTags">
      <AutocompleteInput optionText="name" />
    </ReferenceInput>,
    <DateInput key="publishedAfter" source="publishedAfter" parse={(v: string) => (v ? new Date(`${v}T00:00:00+09:00`).toISOString() : v)} />,
    <DateInput key="publishedBefore" source="publishedBefore" parse={(v: string) => (v ? new Date(`${v}T00:00:00+09:00`).toISOString() : v)} />,
  ];
}

export function ReportList() {
  return (
    <CursorList actions={<EditorListActions filters />} filters={useFilters()} sort={{ field: "publishedAt", order: "DESC" }} perPage={25}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="title" sortable />
        <WrapperField label="resources.reports.fields.status">
          <StatusField />
          <RejectedMarker />
        </WrapperField>
        <TextField source="firm.name" label="resources.reports.fields.firm" sortable={false} />
        <SeoulDateField source="publishedAt" />
        <SeoulDateField source="scheduledAt" />
        <SeoulDateField source="updatedAt" />
      </Datagrid>
    </CursorList>
  );
}
