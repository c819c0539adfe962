import type { DataSource } from "typeorm";
import type { Services } from "../../modules/services";
import { ReportStatus } from "../../modules/report/report-status";
import { SYSTEM, type Actor } from "../../modules/audit/audit.service";
import { Role, type User } from "../../modules/user/user.entity";
import { transaction } from "../../kernel/transaction";
import { demoFirms } from "./demo/firms";
import { industryReports } from "./demo/reports-industry";
import { techReports } from "./demo/reports-tech";
import { demoSectorTags } from "./demo/sector-tags";
import type { DemoReport } from "./demo/types";

const DAY_MS = 86_400_000;

export const demoReports: DemoReport[] = [...techReports, ...industryReports];

/** The demo accounts; the README lists them. Their passwords exist only in the embedded demo. */
export const demoUsers = [
  { email: "admin@research-desk.demo", name: "관리자 데모", role: Role.ADMIN, password: "demo-admin-password" },
  { email: "editor@research-desk.demo", name: "편집자 데모", role: Role.EDITOR, password: "demo-editor-password" },
  { email: "reviewer@research-desk.demo", name: "검토자 데모", role: Role.REVIEWER, password: "demo-reviewer-password" },
];

/**
 * Fills an empty database with the invented demo catalogue, through the same services that users
 * go through. Returns false (and writes nothing) when the database already has firms. The demo
 * users get their passwords only when `withDemoPasswords` (the embedded demo); elsewhere they exist
 * as authors but cannot sign in. The data source is only for what no service offers: the emptiness
 * check, one transaction around the catalogue, and backdating the demo's history.
 */
export async function seedDemo(services: Services, dataSource: DataSource, withDemoPasswords: boolean): Promise<boolean> {
  const [{ n }] = await dataSource.query("SELECT count(*)::int AS n FROM firms");
  if (n > 0) return false;

  const users = new Map<Role, User>();
  for (const u of demoUsers) {
    users.set(u.role, await services.users.create(SYSTEM, { ...u, password: withDemoPasswords ? u.password : null }));
  }
  const editor = actorFor(users.get(Role.EDITOR)!);
  const reviewer = actorFor(users.get(Role.REVIEWER)!);

  const firmIds = new Map<string, string>();
  const analystIds = new Map<string, string>();
  const tagIds = new Map<string, string>();
  // The catalogue is written whole or not at all: the services' own transactions join this one.
  await transaction(dataSource, async () => {
    for (const f of demoFirms) {
      // Effective a year back, so that backdated demo publications carry the then-current version.
      const firm = await services.firms.create(SYSTEM, f);
      await services.disclaimers.createTemplate(SYSTEM, firm.id, f.disclaimer, new Date(Date.now() - 365 * DAY_MS));
      firmIds.set(f.slug, firm.id);
      for (const a of f.analysts) {
        analystIds.set(a.slug, (await services.analysts.create(SYSTEM, { ...a, firmId: firm.id })).id);
      }
    }
    for (const t of demoSectorTags) tagIds.set(t.slug, (await services.sectorTags.create(SYSTEM, t)).id);
  });

  for (const r of demoReports) {
    const report = await services.reports.create(editor, {
        firmId: firmIds.get(r.firmSlug)!,
        analystIds: r.analystSlugs.map((s) => analystIds.get(s)!),
        sectorTagIds: r.tagSlugs.map((s) => tagIds.get(s)!),
        title: r.title,
        subject: r.subject,
        summary: r.summary,
        body: r.body,
    });
    if (r.status === ReportStatus.DRAFT) continue;
    await services.workflow.attachDisclaimer(editor, report.id);
    await services.workflow.submitForReview(editor, report.id, null);
    if (r.status === ReportStatus.IN_REVIEW) continue;
    await services.workflow.approveDisclaimer(reviewer, report.id, "파트너 고지문 확인");
    if (r.status === ReportStatus.APPROVED) continue;
    if (r.status === ReportStatus.SCHEDULED) {
      await services.workflow.publish(editor, report.id, new Date(Date.now() + r.days * DAY_MS));
      continue;
    }
    await services.workflow.publish(editor, report.id, null);
    if (r.status === ReportStatus.RETRACTED) await services.workflow.retract(editor, report.id, "자료 수치 오류로 게재를 철회합니다.");
    await backdate(dataSource, report.id, new Date(Date.now() - r.days * DAY_MS));
  }
  return true;
}

const actorFor = (user: User): Actor => ({ id: user.id, email: user.email });

/**
 * Demo history: moves a just-published report's publication date back. Snapshots, audit events and
 * the publication log keep their real times (they are append-only or frozen once approved).
 */
async function backdate(dataSource: DataSource, reportId: string, publishedAt: Date): Promise<void> {
  await dataSource.query(
    `UPDATE reports SET published_at = $2::timestamptz, created_at = $2::timestamptz - interval '1 day', updated_at = $2::timestamptz,
       retracted_at = CASE WHEN retracted_at IS NULL THEN NULL ELSE $2::timestamptz + interval '2 days' END
     WHERE id = $1`,
    [reportId, publishedAt],
  );
}
