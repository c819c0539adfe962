import WebhookIcon from "@mui/icons-material/Webhook";
import type { RaRecord } from "react-admin";
import { WebhookCreate } from "./WebhookCreate";
import { WebhookEdit } from "./WebhookEdit";
import { WebhookList } from "./WebhookList";
import { WebhookShow } from "./WebhookShow";

/** Webhook endpoints and their delivery logs; App.tsx registers the resource for admins only. */
export const webhooks = {
  list: WebhookList,
  create: WebhookCreate,
  edit: WebhookEdit,
  show: WebhookShow,
  icon: WebhookIcon,
  // The description is optional: an endpoint without one goes by its URL, as in the audit log.
  recordRepresentation: (record: RaRecord) => String(record.description || record.url),
};
