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
/** Submits a report, or a correction with `correctionNote`. */
export const SUBMIT = step("submitForReview", ", correctionNote: $correctionNote", ", $correctionNote: String");
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

/** A new draft of `firm` with one analyst, written by `editor`. */
export async function createDraft(editor: GraphQLClient, firm: { id: string; analystId: string }, title = "[워크플로랩] 첫 보고서"): Promise<ReportState> {
  const { createReport } = await editor.request<{ createReport: ReportState }>(CREATE, { input: draftInput(firm, title) });
  return createReport;
}

/** Draft → attached → in review → approved by `reviewer`. */
export async function createApproved(editor: GraphQLClient, reviewer: GraphQLClient, firm: { id: string; analystId: string }, title?: string): Promise<ReportState> {
  const report = await createDraft(editor, firm, title);
  await run(editor, ATTACH, { id: report.id });
  await run(editor, SUBMIT, { id: report.id });
  return run(reviewer, APPROVE, { id: report.id, note: "확인" });
}

/** A new firm with one analyst and a disclaimer template. */
export async function createFirm(
  editor: GraphQLClient,
  disclaimer = "본 보고서는 테스트증권 소속 애널리스트가 작성한 자료입니다. 무단 복제 및 재배포를 금합니다.",
): Promise<{ id: string; name: string; analystId: string }> {
  const name = `테스트증권 ${Math.random().toString(36).slice(2, 8)}`;
  const { createFirm } = await editor.request<{ createFirm: { id: string } }>(`mutation($name: String!) { createFirm(input: { name: $name }) { id } }`, { name });
  const { createAnalyst } = await editor.request<{ createAnalyst: { id: string } }>(
    `mutation($firmId: ID!) { createAnalyst(input: { firmId: $firmId, name: "홍길동" }) { id } }`,
    { firmId: createFirm.id },
  );
  await editor.request(`mutation($firmId: ID!, $body: String!) { createDisclaimerTemplate(firmId: $firmId, body: $body) { version } }`, {
    firmId: createFirm.id,
    body: disclaimer,
  });
  return { id: createFirm.id, name, analystId: createAnalyst.id };
}

export interface ComplianceIssueRow {
  reportId: string;
  kind: string;
  reason: string | null;
  rule: string | null;
}

/** Every compliance issue matching `filter`, page by page. */
export async function complianceIssues(client: GraphQLClient, filter: Record<string, unknown> = {}): Promise<ComplianceIssueRow[]> {
  const rows: ComplianceIssueRow[] = [];
  let after: string | null = null;
  for (;;) {
    const { complianceIssues: page }: { complianceIssues: { nodes: ComplianceIssueRow[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } =
      await client.request(
      `query($filter: ComplianceFilterInput, $after: String) {
        complianceIssues(filter: $filter, first: 100, after: $after) { nodes { reportId kind reason rule } pageInfo { hasNextPage endCursor } } }`,
      { filter, after },
    );
    rows.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return rows;
    after = page.pageInfo.endCursor;
  }
}
