import type { Me } from "../authProvider";

const ROLES: Me["role"][] = ["ADMIN", "EDITOR", "REVIEWER"];

/** Role choices; the names are i18n keys, translated by SelectInput and SelectField. */
export const roleChoices = ROLES.map((role) => ({ id: role, name: `resources.users.roles.${role}` }));
