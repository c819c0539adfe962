import "reflect-metadata";
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { authChecker } from "./auth-checker";
import { AnalystResolver } from "./analyst/analyst.resolver";
import { ApiKeyResolver } from "./api-key/api-key.resolver";
import { AuditResolver } from "./audit/audit.resolver";
import { DisclaimerResolver, DisclaimerSnapshotResolver } from "./disclaimer/disclaimer.resolver";
import { FirmResolver } from "./firm/firm.resolver";
import { ComplianceIssueRelations, ComplianceResolver, ReviewItemRelations, ReviewItemResolver } from "./compliance/compliance.resolver";
import { ReportWorkflowResolver } from "./publishing/report-workflow.resolver";
import { ReportEventResolver } from "./report-events/report-event.resolver";
import { ReportResolver } from "./report/report.resolver";
import { WorkingCopyResolver } from "./report/working-copy.resolver";
import { SectorTagResolver } from "./sector-tag/sector-tag.resolver";
import { UserResolver } from "./user/user.resolver";
import { WebhookDeliveryResolver, WebhookResolver } from "./webhook/webhook.resolver";

export function buildAppSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      ReportResolver,
      ReportWorkflowResolver,
      WorkingCopyResolver,
      ComplianceResolver,
      ReviewItemRelations,
      ReviewItemResolver,
      ComplianceIssueRelations,
      FirmResolver,
      AnalystResolver,
      SectorTagResolver,
      DisclaimerResolver,
      DisclaimerSnapshotResolver,
      UserResolver,
      ApiKeyResolver,
      AuditResolver,
      ReportEventResolver,
      WebhookResolver,
      WebhookDeliveryResolver,
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
