import BusinessIcon from "@mui/icons-material/Business";
import { FirmCreate } from "./FirmCreate";
import { FirmEdit } from "./FirmEdit";
import { FirmList } from "./FirmList";
import { FirmShow } from "./FirmShow";

export const firms = {
  list: FirmList,
  create: FirmCreate,
  edit: FirmEdit,
  show: FirmShow,
  icon: BusinessIcon,
  recordRepresentation: "name",
};
