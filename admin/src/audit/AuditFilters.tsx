import { DateInput, SelectInput, TextInput } from "react-admin";
import { isoToSeoulDay, seoulDayToIso } from "./seoulDays";

const ENTITY_TYPES = ["Report", "Firm", "Analyst", "SectorTag", "DisclaimerTemplate", "User", "ApiKey"];
const entityTypeChoices = ENTITY_TYPES.map((type) => ({ id: type, name: `resources.auditEvents.entityTypes.${type}` }));

/** Actions are stored in upper case and matched exactly. */
const upperCase = (value: string): string | null => (value ? value.toUpperCase() : null);

// "from" is the start of the chosen Seoul day; "to" (the API's exclusive bound) is the start of the
// next one, so the chosen last day is included.
const parseFrom = (day: string) => seoulDayToIso(day);
const formatFrom = (iso: unknown) => isoToSeoulDay(iso);
const parseTo = (day: string) => seoulDayToIso(day, 1);
const formatTo = (iso: unknown) => isoToSeoulDay(iso, -1);

export const auditFilters = [
  <TextInput key="actorId" source="actorId" alwaysOn />,
  <SelectInput key="entityType" source="entityType" choices={entityTypeChoices} alwaysOn />,
  <TextInput key="action" source="action" parse={upperCase} alwaysOn />,
  <DateInput key="from" source="from" parse={parseFrom} format={formatFrom} alwaysOn />,
  <DateInput key="to" source="to" parse={parseTo} format={formatTo} alwaysOn />,
  <TextInput key="entityId" source="entityId" />,
];
