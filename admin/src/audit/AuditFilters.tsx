import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { AutocompleteInput, DateInput, ReferenceInput, SelectInput, TextInput, useTranslate, type RaRecord } from "react-admin";
import { AUDIT_ENTITY_TYPES, type AuditEntityType } from "../../../server/src/modules/audit/audit-action";
import { auditActions } from "./operations";
import { isoToSeoulDay, seoulDayToIso } from "./seoulDays";

const entityTypeChoices = AUDIT_ENTITY_TYPES.map((type) => ({ id: type, name: `resources.auditEvents.entityTypes.${type}` }));

/** The panel's resource of each kind of entity that has one, and the field it goes by. */
export const ENTITY_RESOURCES: Partial<Record<AuditEntityType, { resource: string; title: string }>> = {
  Report: { resource: "reports", title: "title" },
  Firm: { resource: "firms", title: "name" },
  Analyst: { resource: "analysts", title: "name" },
  SectorTag: { resource: "sectorTags", title: "name" },
  User: { resource: "users", title: "name" },
};

// "from" is the start of the chosen Seoul day; "to" (the API's exclusive bound) is the start of the
// next one, so the chosen last day is included.
const parseFrom = (day: string) => seoulDayToIso(day);
const formatFrom = (iso: unknown) => isoToSeoulDay(iso);
const parseTo = (day: string) => seoulDayToIso(day, 1);
const formatTo = (iso: unknown) => isoToSeoulDay(iso, -1);

/** Two people may share a name: the e-mail tells them apart. */
const userOption = (user: RaRecord): string => `${user.name} (${user.email})`;

function ActorInput({ source }: { source: string; alwaysOn?: boolean }) {
  return (
    <ReferenceInput source={source} reference="users" perPage={25}>
      <AutocompleteInput optionText={userOption} translateChoice={false} sx={{ minWidth: 280 }} />
    </ReferenceInput>
  );
}

function ActionInput({ source }: { source: string; alwaysOn?: boolean }) {
  const translate = useTranslate();
  const actions = useQuery({ queryKey: ["auditActions"], queryFn: auditActions, staleTime: Infinity });
  const choices = (actions.data ?? []).map((action) => ({ id: action, name: translate(`resources.auditEvents.actions.${action}`, { _: action }) }));
  return <SelectInput source={source} choices={choices} isPending={actions.isPending} translateChoice={false} />;
}

/**
 * The entity of the chosen type, picked by its name (a report by its title, searched as typed);
 * kinds without a screen of their own are given by id. Another type clears the entity.
 */
function EntityInput({ source }: { source: string; alwaysOn?: boolean }) {
  const type = useWatch({ name: "entityType" }) as AuditEntityType | undefined;
  const { setValue } = useFormContext();
  const shownType = useRef(type);
  useEffect(() => {
    if (shownType.current !== type) setValue(source, "");
    shownType.current = type;
  }, [type, source, setValue]);
  const target = type ? ENTITY_RESOURCES[type] : undefined;
  if (!target) return <TextInput source={source} />;
  return (
    <ReferenceInput key={target.resource} source={source} reference={target.resource} perPage={25}>
      <AutocompleteInput
        label="resources.auditEvents.filters.entity"
        optionText={target.resource === "users" ? userOption : target.title}
        translateChoice={false}
        sx={{ minWidth: 320 }}
      />
    </ReferenceInput>
  );
}

export const auditFilters = [
  <ActorInput key="actorId" source="actorId" alwaysOn />,
  <ActionInput key="action" source="action" alwaysOn />,
  <SelectInput key="entityType" source="entityType" choices={entityTypeChoices} alwaysOn />,
  <EntityInput key="entityId" source="entityId" alwaysOn />,
  <DateInput key="from" source="from" parse={parseFrom} format={formatFrom} alwaysOn />,
  <DateInput key="to" source="to" parse={parseTo} format={formatTo} alwaysOn />,
];
