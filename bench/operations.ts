import { createHash } from "node:crypto";

// The read and write operations the workloads send, named so that the baseline can route them.
// The same request bodies go to the real server and to the baseline.

export const REPORT = `query BenchReport($slug: String!) {
  report(slug: $slug) {
    id slug title subject summary body language status publishedAt
    firm { id slug name nameEn website }
    analysts { id slug name nameEn title }
    sectorTags { id slug name nameEn }
    disclaimer { text checksum templateVersion }
  }
}`;

/** W2 and W4: a page of 50 published reports with every relation a list shows. */
export const PAGE = `query BenchPage($after: String) {
  reports(first: 50, after: $after) {
    nodes {
      id slug title subject summary publishedAt
      firm { id name }
      analysts { id name title }
      sectorTags { id name }
      disclaimer { text checksum }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const SEARCH = `query BenchSearch($filter: ReportFilter!) {
  reports(first: 20, filter: $filter) {
    nodes { id slug title publishedAt firm { id name } sectorTags { id name } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** W5: the admin's report list, signed in, filtered by status, with the total. */
export const STAFF_LIST = `query BenchStaffList($status: ReportStatus!) {
  reports(first: 20, filter: { status: $status }) {
    totalCount
    nodes { id slug title status version publishedAt updatedAt firm { id name } analysts { id name } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const PUBLISH = `mutation BenchPublish($id: ID!) {
  publishReport(reportId: $id) { id status publishedAt version }
}`;

/** The automatic persisted query hash of REPORT (W7), as Apollo computes it. */
export const REPORT_HASH = createHash("sha256").update(REPORT).digest("hex");

export const PAGE_SIZE = 50;
export const SEARCH_SIZE = 20;
export const STAFF_PAGE_SIZE = 20;
