import "reflect-metadata";
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";
import { buildSchema, getMetadataStorage } from "type-graphql";
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

/**
 * Types marked `simpleResolvers` (the ones read by the thousand, such as Report) have their plain
 * fields read by graphql-js directly, without type-graphql's wrapper around each; that wrapper is
 * also what runs @Authorized and middlewares, so such a field must have neither.
 */
function checkSimpleResolvers(): void {
  const storage = getMetadataStorage();
  const resolved = (target: Function, name: string): boolean => storage.fieldResolvers.some((r) => r.getObjectType?.() === target && r.methodName === name);
  for (const type of storage.objectTypes.filter((t) => t.simpleResolvers)) {
    const guarded = (type.fields ?? []).filter(
      (f) => f.simple !== false && (f.roles !== undefined || Boolean(f.middlewares?.length)) && !resolved(f.target, f.name),
    );
    if (guarded.length) throw new Error(`${type.name} reads its fields simply, but ${guarded.map((f) => f.name).join(", ")} need @Authorized or middleware`);
  }
}

export async function buildAppSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
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
  checkSimpleResolvers();
  return schema;
}

/** The committed contract: schema.graphql is this text. */
export function printAppSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + "\n";
}
