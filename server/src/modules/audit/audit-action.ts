/**
 * Every action the audit log records. Plain data without imports: the admin panel types its
 * action names by this list, so a new action does not type-check until both languages name it.
 */
export const AUDIT_ACTIONS = [
  "CREATE",
  "UPDATE",
  "DELETE",
  "RESTORE",
  "LOGIN",
  "LOGIN_FAILED",
  "LOGOUT",
  "ROLE_CHANGE",
  "PASSWORD_CHANGE",
  "PASSWORD_RESET",
  "DISABLE",
  "ENABLE",
  "REVOKE",
  "ATTACH_DISCLAIMER",
  "SUBMIT",
  "APPROVE",
  "REJECT",
  "WITHDRAW",
  "PUBLISH",
  "PUBLISH_CORRECTION",
  "APPLY_CORRECTION",
  "SCHEDULE",
  "UNSCHEDULE",
  "SCHEDULE_BLOCKED",
  "RETRACT",
  "BACKUP",
  "UPLOAD",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The kinds of entity audit events name (`entity_type`). */
export const AUDIT_ENTITY_TYPES = [
  "Report",
  "Firm",
  "Analyst",
  "SectorTag",
  "DisclaimerTemplate",
  "User",
  "ApiKey",
  "Image",
  "Database",
  "Webhook",
  "WebhookDelivery",
] as const;

export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];
