import type { DataSource } from "typeorm";
import type { CatalogPageArgs } from "../catalog/catalog-page";
import { CatalogService } from "../catalog/catalog.service";
import { badInput } from "../../kernel/errors";
import { requireUuid } from "../../kernel/ids";
import type { Page } from "../../kernel/pagination";
import { childrenOf, type Child } from "../../kernel/sql";
import { transaction } from "../../kernel/transaction";
import * as valid from "../../kernel/validate";
import type { Actor, AuditService } from "../audit/audit.service";
import { Firm } from "../firm/firm.entity";
import { Analyst } from "./analyst.entity";

export interface AnalystFields {
  name?: string | null;
  nameEn?: string | null;
  title?: string | null;
  email?: string | null;
  slug?: string | null;
}

const name = (v: string): string => valid.text(v, "name", { max: 100 });
const nameEn = (v: string): string | null => valid.optionalText(v, "nameEn", { max: 100 });
const title = (v: string): string | null => valid.optionalText(v, "title", { max: 100 });
const email = (v: string): string | null => (v.trim() === "" ? null : valid.email(v));

export class AnalystService extends CatalogService<Analyst> {
  constructor(dataSource: DataSource, audit: AuditService) {
    super(dataSource, audit, Analyst, "Analyst");
  }

  protected view(a: Analyst): Record<string, unknown> {
    return { firmId: a.firmId, slug: a.slug, name: a.name, nameEn: a.nameEn, title: a.title, email: a.email };
  }

  override list(args: CatalogPageArgs & { firmId?: string | null }): Promise<Page<Analyst>> {
    const firmId = args.firmId ? requireUuid(args.firmId, "firmId") : null;
    return super.list({
      ...args,
      where: firmId ? (params) => `t.firm_id = ${params.add(firmId, "uuid")}` : undefined,
    });
  }

  /** Analysts of each firm, in name order. */
  findByFirmIds(firmIds: readonly string[]): Promise<Child<Analyst>[]> {
    return childrenOf(this.dataSource.manager, Analyst, {
      from: "analysts t",
      parentColumn: "t.firm_id",
      orderBy: `t.name COLLATE "C", t.id`,
    }, firmIds);
  }

  /** An analyst belongs to one firm for good: their reports name that firm. */
  create(actor: Actor, input: AnalystFields & { firmId: string; name: string }): Promise<Analyst> {
    const firmId = requireUuid(input.firmId, "firmId");
    return transaction(this.dataSource, async (manager) => {
      if (!(await manager.getRepository(Firm).existsBy({ id: firmId }))) throw badInput({ reason: "UNKNOWN_FIRM" }, "no such firm", "firmId");
      return this.insert(
        manager,
        actor,
        { firmId, name: name(input.name), nameEn: nameEn(input.nameEn ?? ""), title: title(input.title ?? ""), email: email(input.email ?? "") },
        input.slug,
      );
    });
  }

  update(actor: Actor, id: string, input: AnalystFields): Promise<Analyst> {
    return this.modify(actor, id, () => ({
      ...(input.name != null && { name: name(input.name) }),
      ...(input.nameEn != null && { nameEn: nameEn(input.nameEn) }),
      ...(input.title != null && { title: title(input.title) }),
      ...(input.email != null && { email: email(input.email) }),
      ...(input.slug != null && { slug: valid.slug(input.slug) }),
    }));
  }
}
