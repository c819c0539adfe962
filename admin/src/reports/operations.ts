import type { ResultOf } from "@graphql-typed-document-node/core";
import type { SortPayload } from "react-admin";
import { graphql } from "../gql";
import type { ReportOrder } from "../gql/graphql";
import { gql } from "../graphql";
import { compact, type ResourceApi } from "../resources";

/** What the report screens read: the report, its correction (working copy) and the workflow state. */
export const ReportFields = graphql(`
  fragment ReportFields on Report {
    id
    slug
    title
    subject
    summary
    body
    language
    status
    version
    publishedAt
    scheduledAt
    correctedAt
    correctionNote
    createdAt
    updatedAt
    firm {
      id
      name
      currentDisclaimerTemplate {
        id
        version
        body
        effectiveFrom
      }
    }
    analysts {
      id
      name
      title
    }
    sectorTags {
      id
      name
    }
    disclaimer {
      id
      text
      templateVersion
      checksum
      contentChecksum
      reviewStatus
      reviewNote
      reviewedAt
      reviewedBy {
        name
      }
      attachedAt
      attachedBy {
        id
      }
    }
    workingCopy {
      status
      version
      title
      subject
      summary
      body
      language
      correctionNote
      updatedAt
      analysts {
        id
        name
        title
      }
      sectorTags {
        id
        name
      }
      disclaimer {
        id
        text
        templateVersion
        checksum
        reviewStatus
        reviewNote
        attachedBy {
          id
        }
      }
      createdBy {
        id
        name
      }
      updatedBy {
        id
        name
      }
    }
    rejection {
      reviewNote
      reviewedAt
      reviewedBy {
        name
      }
      templateVersion
    }
    retraction {
      reason
      at
    }
    scheduleBlock {
      at
      reason
    }
    createdBy {
      id
      name
    }
    updatedBy {
      id
      name
    }
  }
`);

type ReportNode = ResultOf<typeof ReportFields>;

/** The fields a report form edits. */
export type ReportFormContent = Pick<NonNullable<ReportNode["workingCopy"]>, "title" | "subject" | "summary" | "body" | "language"> & {
  analystIds: string[];
  sectorTagIds: string[];
};

/**
 * A report record: the API fields, plus `content`, the fields a form edits (the working copy's while
 * a correction exists, else the report's own), `target`, the status the workflow acts on, and
 * `firmId`, the form's firm (its analyst choices are that firm's).
 */
export type ReportRecord = ReportNode & {
  firmId: string;
  target: NonNullable<ReportNode["workingCopy"]>["status"] | ReportNode["status"];
  content: ReportFormContent;
};

function reportRecord(node: ReportNode): ReportRecord {
  const source = node.workingCopy ?? node;
  return {
    ...node,
    firmId: node.firm.id,
    target: node.workingCopy?.status ?? node.status,
    content: {
      title: source.title,
      subject: source.subject,
      summary: source.summary ?? [],
      body: source.body ?? "",
      language: source.language,
      analystIds: source.analysts.map((a) => a.id),
      sectorTagIds: source.sectorTags.map((t) => t.id),
    },
  };
}

/** The form's content as the API takes it: summary lines kept blank while typing are dropped here. */
function contentInput(content: Partial<ReportFormContent>) {
  return {
    title: content.title,
    subject: content.subject,
    summary: content.summary?.map((line) => line.trim()).filter(Boolean),
    body: content.body,
    language: content.language,
    analystIds: content.analystIds,
    sectorTagIds: content.sectorTagIds,
  };
}

const Reports = graphql(`
  query Reports($first: Int, $after: String, $filter: ReportFilter, $orderBy: ReportOrder) {
    reports(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      nodes {
        ...ReportFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

const Report = graphql(`
  query Report($id: ID!) {
    report(id: $id) {
      ...ReportFields
    }
  }
`);

const CreateReport = graphql(`
  mutation CreateReport($input: CreateReportInput!) {
    createReport(input: $input) {
      ...ReportFields
    }
  }
`);

const UpdateReport = graphql(`
  mutation UpdateReport($id: ID!, $input: UpdateReportInput!, $expectedVersion: Int!) {
    updateReport(id: $id, input: $input, expectedVersion: $expectedVersion) {
      ...ReportFields
    }
  }
`);

const DeleteReport = graphql(`
  mutation DeleteReport($id: ID!) {
    deleteReport(id: $id)
  }
`);

const orderBy = (sort: SortPayload): ReportOrder =>
  sort.field === "title" ? (sort.order === "ASC" ? "TITLE_ASC" : "TITLE_DESC") : sort.order === "ASC" ? "PUBLISHED_AT_ASC" : "PUBLISHED_AT_DESC";

export const reportsApi: ResourceApi<ReportRecord> = {
  list: async (page, filter, sort) => {
    const { reports } = await gql(Reports, {
      ...page,
      filter: compact({
        status: filter.status,
        firmId: filter.firmId,
        analystId: filter.analystId,
        sectorTagId: filter.sectorTagId,
        search: filter.q,
        publishedAfter: filter.publishedAfter,
        publishedBefore: filter.publishedBefore,
      }),
      orderBy: orderBy(sort),
    });
    return { ...reports, nodes: reports.nodes.map(reportRecord) };
  },
  one: async (id) => {
    const { report } = await gql(Report, { id });
    return report ? reportRecord(report) : null;
  },
  // The reports API reads no list of ids; the one picker that asks (the audit log's entity filter)
  // names a single report.
  many: async (ids) =>
    (await Promise.all(ids.map((id) => gql(Report, { id })))).flatMap(({ report }) => (report ? [reportRecord(report)] : [])),
  create: async (data) => {
    // Fields the form left unset go as empty, so that the server refuses them with a field error
    // (a required input field that is missing fails validation with no field to point to).
    const { title = "", subject = "", summary = [], body = "", analystIds = [], ...rest } = contentInput(data.content);
    const input = { ...rest, title, subject, summary, body, analystIds, firmId: data.firmId };
    return reportRecord((await gql(CreateReport, { input })).createReport);
  },
  // A save names the version it edits (the correction's while one exists): a stale one is refused.
  update: async (id, data, previous) =>
    reportRecord(
      (await gql(UpdateReport, { id, input: contentInput(data.content), expectedVersion: previous.workingCopy?.version ?? previous.version })).updateReport,
    ),
  delete: async (id) => {
    await gql(DeleteReport, { id });
  },
  // The form edits the content under `content` (see reportRecord); the firm is chosen only on create.
  formFields: {
    firmId: "firmId",
    ...Object.fromEntries(["title", "subject", "summary", "body", "analystIds", "sectorTagIds"].map((field) => [field, `content.${field}`])),
  },
};

// Workflow steps, run as the same GraphQL mutations clients could call. Each result is aliased
// `result`, so that one function turns any of them into a record.
const AttachDisclaimer = graphql(`
  mutation AttachDisclaimer($id: ID!) {
    result: attachDisclaimer(reportId: $id) {
      ...ReportFields
    }
  }
`);

const SubmitForReview = graphql(`
  mutation SubmitForReview($id: ID!, $correctionNote: String) {
    result: submitForReview(reportId: $id, correctionNote: $correctionNote) {
      ...ReportFields
    }
  }
`);

const WithdrawReport = graphql(`
  mutation WithdrawReport($id: ID!) {
    result: withdrawReport(reportId: $id) {
      ...ReportFields
    }
  }
`);

const ApproveDisclaimer = graphql(`
  mutation ApproveDisclaimer($id: ID!, $note: String) {
    result: approveDisclaimer(reportId: $id, note: $note) {
      ...ReportFields
    }
  }
`);

const RejectDisclaimer = graphql(`
  mutation RejectDisclaimer($id: ID!, $note: String!) {
    result: rejectDisclaimer(reportId: $id, note: $note) {
      ...ReportFields
    }
  }
`);

const PublishReport = graphql(`
  mutation PublishReport($id: ID!, $at: DateTimeISO) {
    result: publishReport(reportId: $id, at: $at) {
      ...ReportFields
    }
  }
`);

const UnscheduleReport = graphql(`
  mutation UnscheduleReport($id: ID!) {
    result: unscheduleReport(reportId: $id) {
      ...ReportFields
    }
  }
`);

const RetractReport = graphql(`
  mutation RetractReport($id: ID!, $reason: String!) {
    result: retractReport(reportId: $id, reason: $reason) {
      ...ReportFields
    }
  }
`);

const asRecord = async (step: Promise<{ result: ReportNode }>): Promise<{ data: ReportRecord }> => ({ data: reportRecord((await step).result) });

export const reportWorkflow = {
  attachDisclaimer: (id: string) => asRecord(gql(AttachDisclaimer, { id })),
  /** A correction goes with its correction note; a report that is not a correction with none. */
  submitForReview: (id: string, correctionNote: string | null) => asRecord(gql(SubmitForReview, { id, correctionNote })),
  withdrawReport: (id: string) => asRecord(gql(WithdrawReport, { id })),
  approveDisclaimer: (id: string, note: string | null) => asRecord(gql(ApproveDisclaimer, { id, note })),
  rejectDisclaimer: (id: string, note: string) => asRecord(gql(RejectDisclaimer, { id, note })),
  /** Now, or scheduled at `at`. */
  publishReport: (id: string, at: string | null) => asRecord(gql(PublishReport, { id, at })),
  unscheduleReport: (id: string) => asRecord(gql(UnscheduleReport, { id })),
  retractReport: (id: string, reason: string) => asRecord(gql(RetractReport, { id, reason })),
};

const ReportHistory = graphql(`
  query ReportHistory($id: ID!) {
    report(id: $id) {
      id
      revisions {
        id
        number
        createdAt
        content {
          title
          subject
          summary
          body
          language
        }
      }
      publicationPeriods {
        contentChecksum
        disclaimerChecksum
        correctionNote
        revisionId
        liveFrom
        liveUntil
      }
      auditTrail(first: 100) {
        nodes {
          id
          at
          actorEmail
          action
          before
          after
        }
      }
    }
  }
`);

const ReportRevisionDiff = graphql(`
  query ReportRevisionDiff($from: ID!, $to: ID!) {
    reportRevisionDiff(fromRevisionId: $from, toRevisionId: $to) {
      field
      before
      after
    }
  }
`);

export const reportHistory = {
  /** Revisions, the periods each version was live, and the report's audit trail. */
  history: async (id: string) => (await gql(ReportHistory, { id })).report,
  revisionDiff: async (from: string, to: string) => (await gql(ReportRevisionDiff, { from, to })).reportRevisionDiff,
};
