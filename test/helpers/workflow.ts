import type { GraphQLClient } from "graphql-request";

/** GraphQL operations of the publishing workflow, shared by the workflow suites. */
export const REPORT_STATE = `id slug title status version publishedAt scheduledAt correctedAt
  disclaimer { id text checksum templateVersion reviewStatus }
  workingCopy { status version title disclaimer { templateVersion reviewStatus } }
  scheduleBlock { at reason }`;

export interface ReportState {
  id: string;
  slug: string;
  title: string;
  status: string;
  version: number;
  publishedAt: string | null;
  scheduledAt: string | null;
  correctedAt: string | null;
  disclaimer: { id: string; text: string; checksum: string; templateVersion: number; reviewStatus: string } | null;
  workingCopy: { status: string; version: number; title: string; disclaimer: { templateVersion: number; reviewStatus: string } | null } | null;
  scheduleBlock: { at: string; reason: string } | null;
}

export const step = (name: string, extraArgs = "", extraVars = ""): string =>
  `mutation($id: ID!${extraVars}) { ${name}(reportId: $id${extraArgs}) { ${REPORT_STATE} } }`;

export const ATTACH = step("attachDisclaimer");
export const SUBMIT = step("submitForReview");
export const WITHDRAW = step("withdrawReport");
export const APPROVE = step("approveDisclaimer", ", note: $note", ", $note: String");
export const REJECT = step("rejectDisclaimer", ", note: $note", ", $note: String!");
export const PUBLISH = step("publishReport", ", at: $at", ", $at: DateTimeISO");
export const UNSCHEDULE = step("unscheduleReport");
export const RETRACT = step("retractReport", ", reason: $reason", ", $reason: String!");
export const UPDATE = `mutation($id: ID!, $input: UpdateReportInput!, $v: Int!) {
  updateReport(id: $id, input: $input, expectedVersion: $v) { ${REPORT_STATE} } }`;

export async function stateOf(client: GraphQLClient, id: string): Promise<ReportState> {
  const { report } = await client.request<{ report: ReportState }>(`query($id: ID) { report(id: $id) { ${REPORT_STATE} } }`, { id });
  return report;
}

export async function run(client: GraphQLClient, operation: string, variables: Record<string, unknown>): Promise<ReportState> {
  const data = await client.request<Record<string, ReportState>>(operation, variables);
  return Object.values(data)[0];
}

/** Polls until `check` holds (the scheduler runs on its own clock). */
export async function eventually<T>(probe: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (check(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export const CREATE = `mutation($input: CreateReportInput!) { createReport(input: $input) { ${REPORT_STATE} } }`;

/** A firm of the demo catalogue with its first analyst; its disclaimer template is current. */
export async function demoFirm(client: GraphQLClient): Promise<{ id: string; analystId: string }> {
  const { firms } = await client.request<{ firms: { nodes: { id: string; analysts: { id: string }[] }[] } }>(
    `{ firms(first: 1) { nodes { id analysts { id } } } }`,
  );
  return { id: firms.nodes[0].id, analystId: firms.nodes[0].analysts[0].id };
}

/** The input of a plain draft of `firm`. */
export const draftInput = (firm: { id: string; analystId: string }, title: string): Record<string, unknown> => ({
  title,
  subject: title.replace(/^\[([^\]]+)\].*$/, "$1"),
  summary: ["요점 하나", "요점 둘", "요점 셋"],
  body: `<h2>무슨 이야기인가요?</h2><p>${title}: 시험용 본문입니다.</p>`,
  firmId: firm.id,
  analystIds: [firm.analystId],
});
