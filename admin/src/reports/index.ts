import ArticleIcon from "@mui/icons-material/Article";
import { ReportCreate } from "./ReportCreate";
import { ReportEdit } from "./ReportEdit";
import { ReportList } from "./ReportList";
import { ReportShow } from "./ReportShow";

export const reports = {
  list: ReportList,
  create: ReportCreate,
  edit: ReportEdit,
  show: ReportShow,
  icon: ArticleIcon,
  recordRepresentation: "title",
};
