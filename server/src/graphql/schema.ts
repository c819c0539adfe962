import "reflect-metadata";
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { authChecker } from "./auth-checker";
import { AnalystResolver } from "../modules/analyst/analyst.resolver";
import { ApiKeyResolver } from "../modules/api-key/api-key.resolver";
import { AuditResolver } from "../modules/audit/audit.resolver";
import { DisclaimerResolver, DisclaimerSnapshotResolver } from "../modules/disclaimer/disclaimer.resolver";
import { FirmResolver } from "../modules/firm/firm.resolver";
import { ComplianceIssueRelations, ComplianceResolver, ReviewItemRelations } from "../modules/compliance/compliance.resolver";
import { ReportWorkflowResolver } from "../modules/publishing/report-workflow.resolver";
import { ReportResolver } from "../modules/report/report.resolver";
import { WorkingCopyResolver } from "../modules/report/working-copy.resolver";
import { SectorTagResolver } from "../modules/sector-tag/sector-tag.resolver";
import { UserResolver } from "../modules/user/user.resolver";

export function buildAppSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      ReportResolver,
      ReportWorkflowResolver,
      WorkingCopyResolver,
      ComplianceResolver,
      ReviewItemRelations,
      ComplianceIssueRelations,
      FirmResolver,
      AnalystResolver,
      SectorTagResolver,
      DisclaimerResolver,
      DisclaimerSnapshotResolver,
      UserResolver,
      ApiKeyResolver,
      AuditResolver,
    ],
    authChecker,
    // Services validate every input themselves and name the field in BAD_USER_INPUT.
    validate: false,
  });
}

/** The committed contract: schema.graphql is this text. */
export function printAppSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + "\n";
}
