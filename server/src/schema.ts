import "reflect-metadata";
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { AnalystResolver } from "./modules/analyst/analyst.resolver";
import { FirmResolver } from "./modules/firm/firm.resolver";
import { ReportResolver } from "./modules/report/report.resolver";
import { SectorTagResolver } from "./modules/sector-tag/sector-tag.resolver";

export function buildAppSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [ReportResolver, FirmResolver, AnalystResolver, SectorTagResolver],
    validate: { forbidUnknownValues: false },
  });
}

/** The committed contract: schema.graphql is this text. */
export function printAppSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + "\n";
}
