import HistoryIcon from "@mui/icons-material/History";
import { AuditList } from "./AuditList";

/** The audit log (resource `auditEvents`); read-only, and App.tsx registers it for admins only. */
export const audit = {
  list: AuditList,
  icon: HistoryIcon,
};
