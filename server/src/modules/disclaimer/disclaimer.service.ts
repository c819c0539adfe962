import { In, type DataSource, type EntityManager } from "typeorm";
import { AppError, badInput } from "../../kernel/errors";
import * as valid from "../../kernel/validate";
import type { Actor, AuditService } from "../audit/audit.service";
import { Firm } from "../firm/firm.entity";
import { sha256Hex } from "../../kernel/checksum";
import { execute } from "../../kernel/sql";
import { transaction } from "../../kernel/transaction";
import { DisclaimerSnapshot, ReviewStatus } from "./disclaimer-snapshot.entity";
import { DisclaimerTemplate } from "./disclaimer-template.entity";

export const DISCLAIMER_MAX = 5_000;

export class DisclaimerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  findSnapshotsByIds(ids: readonly string[]): Promise<DisclaimerSnapshot[]> {
    return this.dataSource.getRepository(DisclaimerSnapshot).findBy({ id: In([...ids]) });
  }

  findTemplatesByIds(ids: readonly string[]): Promise<DisclaimerTemplate[]> {
    return this.dataSource.getRepository(DisclaimerTemplate).findBy({ id: In([...ids]) });
  }

  /** Each report's latest reviewed snapshot (approved or rejected). */
  latestReviews(reportIds: readonly string[]): Promise<DisclaimerSnapshot[]> {
    return this.dataSource
      .getRepository(DisclaimerSnapshot)
      .createQueryBuilder("s")
      .distinctOn(["s.report_id"])
      .where("s.report_id = ANY(:reportIds) AND s.review_status <> 'PENDING'", { reportIds })
      .orderBy("s.report_id")
      .addOrderBy("s.reviewed_at", "DESC")
      .getMany();
  }

  findSnapshot(manager: EntityManager, id: string): Promise<DisclaimerSnapshot | null> {
    return manager.getRepository(DisclaimerSnapshot).findOneBy({ id });
  }

  /** Templates of each firm, newest version first. */
  findTemplatesByFirmIds(firmIds: readonly string[]): Promise<DisclaimerTemplate[]> {
    return this.dataSource.getRepository(DisclaimerTemplate).find({
      where: { firmId: In([...firmIds]) },
      order: { version: "DESC" },
    });
  }

  /**
   * A new version of the firm's disclaimer, effective from `effectiveFrom` (default: now). Versions
   * are never edited: a change is a new version, so what a report carried stays provable.
   */
  createTemplate(actor: Actor, firmId: string, body: string, effectiveFrom: Date | null = null): Promise<DisclaimerTemplate> {
    return transaction(this.dataSource, async (manager) => {
      if (!(await manager.getRepository(Firm).existsBy({ id: firmId }))) throw badInput({ reason: "UNKNOWN_FIRM" }, "no such firm", "firmId");
      const text = valid.text(body, "body", { max: DISCLAIMER_MAX, multiline: true });
      // Serialises concurrent new versions of one firm, so that two never get the same number.
      await manager.query(`SELECT id FROM firms WHERE id = $1 FOR UPDATE`, [firmId]);
      const [{ next }] = await manager.query(
        `SELECT coalesce(max(version), 0) + 1 AS next FROM disclaimer_templates WHERE firm_id = $1`,
        [firmId],
      );
      const repo = manager.getRepository(DisclaimerTemplate);
      const template = await repo.save(
        repo.create({ firmId, version: next as number, body: text, effectiveFrom: effectiveFrom ?? new Date(), checksum: sha256Hex(text) }),
      );
      await this.audit.record(manager, actor, {
        action: "CREATE",
        entityType: "DisclaimerTemplate",
        entityId: template.id,
        after: { firmId, version: template.version, effectiveFrom: template.effectiveFrom, checksum: template.checksum },
      });
      return template;
    });
  }

  /** The firm's current template: its highest version already in effect (rd_current_template). */
  currentTemplate(manager: EntityManager, firmId: string): Promise<DisclaimerTemplate | null> {
    return manager.getRepository(DisclaimerTemplate).createQueryBuilder("t").where("t.id = rd_current_template(:firmId)", { firmId }).getOne();
  }

  /** The current template of each firm that has one. */
  findCurrentTemplates(firmIds: readonly string[]): Promise<DisclaimerTemplate[]> {
    return this.dataSource
      .getRepository(DisclaimerTemplate)
      .createQueryBuilder("t")
      .where("t.id IN (SELECT rd_current_template(f) FROM unnest(CAST(:firmIds AS uuid[])) f)", { firmIds })
      .getMany();
  }

  /** Copies the firm's current template into a new snapshot for the report. */
  async attach(manager: EntityManager, reportId: string, firmId: string, userId: string | null): Promise<DisclaimerSnapshot> {
    const template = await this.currentTemplate(manager, firmId);
    if (!template) throw new AppError("DISCLAIMER_REQUIRED", { reason: "NO_DISCLAIMER_TEMPLATE" }, "the firm has no disclaimer template in effect");
    const repo = manager.getRepository(DisclaimerSnapshot);
    return repo.save(
      repo.create({
        reportId,
        templateId: template.id,
        templateVersion: template.version,
        text: template.body,
        checksum: sha256Hex(template.body),
        attachedById: userId,
        reviewStatus: ReviewStatus.PENDING,
      }),
    );
  }

  /**
   * Records the reviewer's decision on a pending snapshot. The database's review trigger writes
   * the time and, for an approval, the checksum of the content under review.
   */
  async review(
    manager: EntityManager,
    snapshotId: string,
    decision: ReviewStatus.APPROVED | ReviewStatus.REJECTED,
    reviewerId: string,
    note: string | null,
  ): Promise<void> {
    const reviewed = await execute(
      manager,
      `UPDATE disclaimer_snapshots SET review_status = $2, reviewed_by_id = $3, review_note = $4
       WHERE id = $1 AND review_status = 'PENDING'`,
      [snapshotId, decision, reviewerId, note],
    );
    if (reviewed !== 1) throw new AppError("INVALID_TRANSITION", { reason: "NOT_AWAITING_REVIEW" }, "the disclaimer is not awaiting review");
  }
}
