import LocalOfferIcon from "@mui/icons-material/LocalOffer";
import { SectorTagCreate } from "./SectorTagCreate";
import { SectorTagEdit } from "./SectorTagEdit";
import { SectorTagList } from "./SectorTagList";

export const sectorTags = {
  list: SectorTagList,
  create: SectorTagCreate,
  edit: SectorTagEdit,
  icon: LocalOfferIcon,
  recordRepresentation: "name",
};
