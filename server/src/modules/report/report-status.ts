import { registerEnumType } from "type-graphql";

export enum ReportStatus {
  DRAFT = "DRAFT",
  IN_REVIEW = "IN_REVIEW",
  APPROVED = "APPROVED",
  SCHEDULED = "SCHEDULED",
  PUBLISHED = "PUBLISHED",
  RETRACTED = "RETRACTED",
}
registerEnumType(ReportStatus, { name: "ReportStatus" });
