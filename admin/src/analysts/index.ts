import PersonIcon from "@mui/icons-material/Person";
import { AnalystCreate } from "./AnalystCreate";
import { AnalystEdit } from "./AnalystEdit";
import { AnalystList } from "./AnalystList";

export const analysts = {
  list: AnalystList,
  create: AnalystCreate,
  edit: AnalystEdit,
  icon: PersonIcon,
  recordRepresentation: "name",
};
