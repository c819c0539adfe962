import type { Services } from "../../common/services";
import { ReportStatus } from "../../modules/report/report-status";
import { Role, type User } from "../../modules/user/user.entity";
import { demoFirms } from "./demo/firms";
import { industryReports } from "./demo/reports-industry";
import { techReports } from "./demo/reports-tech";
import { demoSectorTags } from "./demo/sector-tags";
import type { DemoReport } from "./demo/types";

const DAY_MS = 86_400_000;

export const demoReports: DemoReport[] = [...techReports, ...industryReports];

export const demoUsers = [
  { email: "admin@research-desk.demo", name: "관리자 데모", role: Role.ADMIN },
  { email: "editor@research-desk.demo", name: "편집자 데모", role: Role.EDITOR },
  { email: "reviewer@research-desk.demo", name: "검토자 데모", role: Role.REVIEWER },
];

/**
 * Fills an empty database with the invented demo catalogue, through the same services that users
 * go through. Returns false (and writes nothing) when the database already has firms.
 */
export async function seedDemo(services: Services): Promise<boolean> {
  const [{ n }] = await services.dataSource.query("SELECT count(*)::int AS n FROM firms");
  if (n > 0) return false;

  const users = new Map<Role, User>();
  await services.dataSource.transaction(async (manager) => {
    for (const u of demoUsers) users.set(u.role, await services.users.create(manager, u));
  });
  const editor = users.get(Role.EDITOR)!;
  const reviewer = users.get(Role.REVIEWER)!;

  const firmIds = new Map<string, string>();
  const analystIds = new Map<string, string>();
  const tagIds = new Map<string, string>();
  await services.dataSource.transaction(async (manager) => {
    for (const f of demoFirms) {
      // Effective a year back, so that backdated demo publications carry the then-current version.
      const firm = await services.firms.create(manager, f);
      await services.disclaimers.createTemplate(manager, firm.id, f.disclaimer, new Date(Date.now() - 365 * DAY_MS));
      firmIds.set(f.slug, firm.id);
      for (const a of f.analysts) analystIds.set(a.slug, (await services.analysts.create(manager, { ...a, firmId: firm.id })).id);
    }
    for (const t of demoSectorTags) tagIds.set(t.slug, (await services.sectorTags.create(manager, t)).id);
  });

  for (const r of demoReports) {
    const report = await services.reports.create(
      {
        firmId: firmIds.get(r.firmSlug)!,
        analystIds: r.analystSlugs.map((s) => analystIds.get(s)!),
        sectorTagIds: r.tagSlugs.map((s) => tagIds.get(s)!),
        title: r.title,
        subject: r.subject,
        summary: r.summary,
        body: r.body,
      },
      editor.id,
    );
    if (r.status === ReportStatus.DRAFT) continue;
    await services.reports.attachDisclaimer(report.id, editor.id);
    await services.reports.submitForReview(report.id, editor.id);
    if (r.status === ReportStatus.IN_REVIEW) continue;
    await services.reports.approveDisclaimer(report.id, reviewer.id, "파트너 고지문 확인");
    if (r.status === ReportStatus.APPROVED) continue;
    if (r.status === ReportStatus.SCHEDULED) {
      await services.reports.publish(report.id, new Date(Date.now() + r.days * DAY_MS));
      continue;
    }
    await services.reports.publish(report.id, null);
    if (r.status === ReportStatus.RETRACTED) await services.reports.retract(report.id, "자료 수치 오류로 게재를 철회합니다.");
    await backdate(services, report.id, new Date(Date.now() - r.days * DAY_MS));
  }
  return true;
}

/** Demo history: moves a just-published report (and its review) back to `publishedAt`. */
async function backdate(services: Services, reportId: string, publishedAt: Date): Promise<void> {
  await services.dataSource.query(
    `WITH r AS (
       UPDATE reports SET published_at = $2::timestamptz, created_at = $2::timestamptz - interval '1 day', updated_at = $2,
         retracted_at = CASE WHEN retracted_at IS NULL THEN NULL ELSE $2::timestamptz + interval '2 days' END
       WHERE id = $1 RETURNING disclaimer_id)
     UPDATE disclaimer_snapshots s SET attached_at = $2::timestamptz - interval '2 hours', reviewed_at = $2::timestamptz - interval '1 hour'
     FROM r WHERE s.id = r.disclaimer_id`,
    [reportId, publishedAt],
  );
}
