import DataLoader from "dataloader";
import type { Analyst } from "../modules/analyst/analyst.entity";
import type { DisclaimerSnapshot } from "../modules/disclaimer/disclaimer-snapshot.entity";
import type { DisclaimerTemplate } from "../modules/disclaimer/disclaimer-template.entity";
import type { Firm } from "../modules/firm/firm.entity";
import type { PublicationPeriod } from "../modules/publishing/publication-period.entity";
import type { ReportRevision } from "../modules/report/report-revision.entity";
import type { WorkingCopy } from "../modules/report/working-copy.entity";
import type { User } from "../modules/user/user.entity";
import type { ReportListArgs, ReportParent } from "../modules/report/report-query.service";
import type { RelationValues, ReportRelation, ReportRelations } from "../modules/report/report-relations.service";
import type { Report } from "../modules/report/report.entity";
import type { SectorTag } from "../modules/sector-tag/sector-tag.entity";
import type { Viewer } from "../modules/user/viewer";
import type { Page, PageArgs } from "../kernel/pagination";
import type { Services } from "../modules/services";
import { subjectKey, type AuditEntityRef, type AuditSubject } from "../modules/audit/audit.service";
import type { Child } from "../kernel/sql";
import type { WebhookAttempt } from "../modules/webhook/webhook";
import type { AuditEvent } from "../modules/audit/audit-event.entity";

/** One item per key (its id, or e.g. the report it belongs to), null for a key with none. */
function byKey<T>(fetch: (keys: readonly string[]) => Promise<T[]>, keyOf: (item: T) => string): DataLoader<string, T | null> {
  return new DataLoader(async (keys) => {
    const found = new Map((await fetch(keys)).map((item) => [keyOf(item), item]));
    return keys.map((key) => found.get(key) ?? null);
  });
}

const byId = <T extends { id: string }>(fetch: (ids: readonly string[]) => Promise<T[]>): DataLoader<string, T | null> => byKey(fetch, (item) => item.id);

function childrenById<T>(fetch: (ids: readonly string[]) => Promise<Child<T>[]>): DataLoader<string, T[]> {
  return new DataLoader(async (ids) => {
    const groups = new Map<string, T[]>(ids.map((id) => [id, []]));
    for (const { parentId, item } of await fetch(ids)) groups.get(parentId)?.push(item);
    return ids.map((id) => groups.get(id)!);
  });
}

const NO_RELATIONS: ReportRelations = { firm: null, analysts: [], sectorTags: [], disclaimer: null };

export type MaybePromise<T> = T | Promise<T>;

/**
 * The firm, analysts, tags and disclaimer of reports: one statement per batch, whichever are
 * asked for, unless the statement that read a report brought them already (`keepRelations`).
 */
function reportRelations(services: Services) {
  const loader = new DataLoader<{ reportId: string; relation: ReportRelation }, unknown, string>(
    async (keys) => {
      const found = await services.reportRelations.load([...new Set(keys.map((k) => k.reportId))], new Set(keys.map((k) => k.relation)));
      return keys.map(({ reportId, relation }) => found.get(reportId)?.[relation] ?? NO_RELATIONS[relation]);
    },
    { cacheKeyFn: ({ reportId, relation }) => `${reportId}:${relation}` },
  );
  // Relations read with a report belong to that object, not to its id: they hold only the fields
  // its own query selected, which another part of the request may not be content with.
  const kept = new WeakMap<Report, RelationValues>();
  return {
    /** A report's relation: the value read with it if any (then without a promise), else batched. */
    relationOf<K extends ReportRelation>(report: Report, relation: K): MaybePromise<ReportRelations[K]> {
      const values = kept.get(report);
      if (values && relation in values) return values[relation] as ReportRelations[K];
      return loader.load({ reportId: report.id, relation }) as Promise<ReportRelations[K]>;
    },
    keepRelations(report: Report, values: RelationValues): void {
      kept.set(report, values);
    },
  };
}

/**
 * Per-request batching for every relation, so that a page of reports costs the same number of
 * statements whatever its size. Created fresh for each request: nothing is cached across viewers.
 * Each loader is made when first used, as most requests use one or two of them.
 */
export class Loaders {
  constructor(
    private readonly services: Services,
    private readonly viewer: Viewer,
  ) {}

  private relations?: ReturnType<typeof reportRelations>;
  private made: Partial<Record<string, unknown>> = {};

  private once<T>(name: string, make: () => T): T {
    return (this.made[name] ??= make()) as T;
  }

  /** A report's relation: the value read with it if any (then without a promise), else batched. */
  relationOf<K extends ReportRelation>(report: Report, relation: K): MaybePromise<ReportRelations[K]> {
    return (this.relations ??= reportRelations(this.services)).relationOf(report, relation);
  }

  /** Keeps the relations a report was read with, for relationOf. */
  readonly keepRelations = (report: Report, values: RelationValues): void => {
    (this.relations ??= reportRelations(this.services)).keepRelations(report, values);
  };

  get firm() {
    return this.once("firm", () => byId<Firm>((ids) => this.services.firms.findByIds(ids)));
  }

  get disclaimer() {
    return this.once("disclaimer", () => byId<DisclaimerSnapshot>((ids) => this.services.disclaimers.findSnapshotsByIds(ids)));
  }

  get analystsOfFirm() {
    return this.once("analystsOfFirm", () => childrenById<Analyst>((ids) => this.services.analysts.findByFirmIds(ids)));
  }

  get revisionsOfReport() {
    return this.once("revisionsOfReport", () =>
      childrenById<ReportRevision>(async (ids) => (await this.services.reports.revisions(ids)).map((r) => ({ parentId: r.reportId, item: r }))),
    );
  }

  get currentTemplateOfFirm() {
    return this.once("currentTemplateOfFirm", () => byKey<DisclaimerTemplate>((ids) => this.services.disclaimers.findCurrentTemplates(ids), (t) => t.firmId));
  }

  get templatesOfFirm() {
    return this.once("templatesOfFirm", () =>
      childrenById<DisclaimerTemplate>(async (ids) => (await this.services.disclaimers.findTemplatesByFirmIds(ids)).map((t) => ({ parentId: t.firmId, item: t }))),
    );
  }

  get user() {
    return this.once("user", () => byId<User>((ids) => this.services.users.findByIds(ids)));
  }

  get report() {
    return this.once("report", () => byId<Report>((ids) => this.services.reportQueries.findByIds(this.viewer, ids)));
  }

  get analyst() {
    return this.once("analyst", () => byId<Analyst>((ids) => this.services.analysts.findByIds(ids)));
  }

  get sectorTag() {
    return this.once("sectorTag", () => byId<SectorTag>((ids) => this.services.sectorTags.findByIds(ids)));
  }

  get template() {
    return this.once("template", () => byId<DisclaimerTemplate>((ids) => this.services.disclaimers.findTemplatesByIds(ids)));
  }

  get latestReview() {
    return this.once("latestReview", () => byKey<DisclaimerSnapshot>((ids) => this.services.disclaimers.latestReviews(ids), (s) => s.reportId));
  }

  get workingCopy() {
    return this.once("workingCopy", () => byKey<WorkingCopy>((ids) => this.services.reports.findWorkingCopies(ids), (c) => c.reportId));
  }

  get publicationPeriods() {
    return this.once("publicationPeriods", () =>
      childrenById<PublicationPeriod>(async (ids) => (await this.services.reports.publicationPeriods(ids)).map((p) => ({ parentId: p.reportId, item: p }))),
    );
  }

  get webhookAttempts() {
    return this.once("webhookAttempts", () => childrenById<WebhookAttempt>((ids) => this.services.webhooks.attempts(ids)));
  }

  /** `reports` of a firm, analyst or tag: one loader per relation and argument set. */
  reportsOf(parent: ReportParent, args: ReportListArgs): DataLoader<string, Page<Report>> {
    const pages = this.once("reportsOf", () =>
      perArguments(([of, listArgs]: [ReportParent, ReportListArgs]) => (ids: readonly string[]) =>
        this.services.reportQueries.listForParents(this.viewer, of, ids, listArgs),
      ),
    );
    return pages([parent, args]);
  }

  /** The entities audit events name, of every type at once. */
  get auditSubject() {
    return this.once(
      "auditSubject",
      () =>
        new DataLoader<AuditEntityRef, AuditSubject | null, string>(
          async (refs) => {
            const found = await this.services.audit.subjects(refs);
            return refs.map((ref) => found.get(subjectKey(ref)) ?? null);
          },
          { cacheKeyFn: subjectKey },
        ),
    );
  }

  /** `auditTrail` of reports: one loader per argument set. */
  auditTrailOf(args: PageArgs): DataLoader<string, Page<AuditEvent>> {
    const trails = this.once("auditTrailOf", () => perArguments((pageArgs: PageArgs) => (ids: readonly string[]) => this.services.audit.trails("Report", ids, pageArgs)));
    return trails(args);
  }
}

/** Loaders keyed by a connection's arguments: parents asked with the same arguments share a batch. */
function perArguments<A, V>(batch: (args: A) => DataLoader.BatchLoadFn<string, V>): (args: A) => DataLoader<string, V> {
  const loaders = new Map<string, DataLoader<string, V>>();
  return (args) => {
    const key = JSON.stringify(args);
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader(batch(args));
      loaders.set(key, loader);
    }
    return loader;
  };
}

