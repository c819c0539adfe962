import { demoFirms } from "../../server/src/app/seed/demo/firms";
import { industryReports } from "../../server/src/app/seed/demo/reports-industry";
import { techReports } from "../../server/src/app/seed/demo/reports-tech";
import type { DemoReport } from "../../server/src/app/seed/demo/types";

/** The demo catalogue as written, used as an independent oracle for what the API returns. */
export const demoReports: DemoReport[] = [...techReports, ...industryReports];
export const publishedDemo = demoReports.filter((r) => r.status === "PUBLISHED");
export { demoFirms };

function searchableText(r: DemoReport): string {
  const body = r.body.replace(/<[^>]*>/g, " ");
  return [r.title, r.subject, r.summary.join(" "), body].join(" ").toLowerCase();
}

/** Titles of published demo reports that contain every word (case-insensitive substring). */
export function expectedSearch(query: string): string[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return publishedDemo.filter((r) => words.every((w) => searchableText(r).includes(w))).map((r) => r.title).sort();
}
