import { sha256Hex } from "../../server/src/kernel/checksum";
import { slugify } from "../../server/src/kernel/slug";
import { randomFor, stableUuid, type Random } from "./random";
import * as words from "./vocabulary";

export const FIRMS = 200;
export const ANALYSTS_PER_FIRM = 10;
export const EDITORS = 20;
export const REVIEWERS = 10;

const DAY_MS = 86_400_000;
/** Publication dates end here and reach three years back: fixed, so that runs are comparable. */
export const PUBLISHED_UNTIL = Date.UTC(2026, 9, 1);
export const PUBLISHED_SPAN_MS = 3 * 365 * DAY_MS;
/** Every fifth firm issued a second disclaimer version a year before the end of the range. */
const SECOND_VERSION_FROM = PUBLISHED_UNTIL - 365 * DAY_MS;
const FIRST_VERSION_FROM = PUBLISHED_UNTIL - 5 * 365 * DAY_MS;

export type SeedStatus = "DRAFT" | "IN_REVIEW" | "APPROVED" | "PUBLISHED";

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: "EDITOR" | "REVIEWER";
}

export interface FirmRow {
  id: string;
  slug: string;
  name: string;
  nameEn: string;
  website: string;
}

export interface AnalystRow {
  id: string;
  slug: string;
  name: string;
  nameEn: string;
  title: string;
  email: string;
  firmId: string;
}

export interface TagRow {
  id: string;
  slug: string;
  name: string;
  nameEn: string;
}

export interface TemplateRow {
  id: string;
  firmId: string;
  version: number;
  body: string;
  effectiveFrom: Date;
  checksum: string;
}

/** One report as it is inserted, with everything its rows in other tables need. */
export interface ReportRow {
  id: string;
  slug: string;
  title: string;
  subject: string;
  summary: string[];
  body: string;
  status: SeedStatus;
  version: number;
  publishedAt: string | null;
  createdAt: string;
  firmId: string;
  analystIds: string[];
  tagIds: string[];
  createdById: string;
  reviewerId: string;
  /** The attached disclaimer snapshot (none for drafts). */
  snapshotId: string | null;
  templateId: string | null;
  /** SHA-256 of the live content, as the publication log stores it (published rows). */
  contentChecksum: string | null;
  /** The report's first revision, as the app writes it (only for the W6 pool). */
  revision: string | null;
}

/** Firms, analysts, tags, users and disclaimer templates: small, fixed by the seed. */
export interface Catalogue {
  users: UserRow[];
  firms: FirmRow[];
  analysts: AnalystRow[];
  tags: TagRow[];
  templates: TemplateRow[];
}

function fill(pattern: string, rng: Random, slots: { company: string; tag: words.TagWords }): string {
  return pattern.replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case "company":
        return slots.company;
      case "w":
        return slots.tag.words[0];
      case "w2":
        return rng.pick(slots.tag.words.slice(1));
      case "t":
        return rng.pick(slots.tag.terms);
      case "n":
        return rng.int(30, 9_000).toLocaleString("en-US");
      case "p":
        return String(rng.int(3, 95));
      case "y":
        return String(rng.int(2019, 2029));
      default:
        throw new Error(`unknown slot {${slot}}`);
    }
  });
}

export function buildCatalogue(seed: number): Catalogue {
  const users: UserRow[] = [
    ...Array.from({ length: EDITORS }, (_, i) => ({
      id: stableUuid(seed, "editor", i),
      email: `editor${i + 1}@bench.example`,
      name: `편집자 ${i + 1}`,
      role: "EDITOR" as const,
    })),
    ...Array.from({ length: REVIEWERS }, (_, i) => ({
      id: stableUuid(seed, "reviewer", i),
      email: `reviewer${i + 1}@bench.example`,
      name: `검토자 ${i + 1}`,
      role: "REVIEWER" as const,
    })),
  ];
  const firms: FirmRow[] = [];
  const analysts: AnalystRow[] = [];
  const templates: TemplateRow[] = [];
  for (let f = 0; f < FIRMS; f++) {
    const [stem, stemRoman] = words.FIRM_STEMS[f % words.FIRM_STEMS.length];
    const [kind, kindRoman, kindEn] = words.FIRM_KINDS[Math.floor(f / words.FIRM_STEMS.length) % words.FIRM_KINDS.length];
    const slug = `${stemRoman}-${kindRoman}`;
    const firm = {
      id: stableUuid(seed, "firm", f),
      slug,
      name: `${stem}${kind}`,
      nameEn: `${stemRoman[0].toUpperCase()}${stemRoman.slice(1)} ${kindEn}`,
      website: `https://research.${slug}.example`,
    };
    firms.push(firm);
    for (let version = 1; version <= (f % 5 === 0 ? 2 : 1); version++) {
      const body = words.disclaimerText(firm.name, version);
      templates.push({
        id: stableUuid(seed, "template", f * 10 + version),
        firmId: firm.id,
        version,
        body,
        effectiveFrom: new Date(version === 1 ? FIRST_VERSION_FROM : SECOND_VERSION_FROM),
        checksum: sha256Hex(body),
      });
    }
    const rng = randomFor(seed, "analysts", f);
    for (let a = 0; a < ANALYSTS_PER_FIRM; a++) {
      const [surname, surnameEn] = rng.pick(words.SURNAMES);
      const [given, givenEn] = rng.pick(words.GIVEN_NAMES);
      const n = f * ANALYSTS_PER_FIRM + a;
      analysts.push({
        id: stableUuid(seed, "analyst", n),
        slug: `${surnameEn}-${givenEn}-${n + 1}`.toLowerCase(),
        name: `${surname}${given}`,
        nameEn: `${givenEn} ${surnameEn}`,
        title: rng.pick(words.ANALYST_TITLES),
        email: `${givenEn}.${surnameEn}.${n + 1}@${slug}.example`.toLowerCase(),
        firmId: firm.id,
      });
    }
  }
  const tags = words.SECTOR_TAGS.map((t, i) => ({ id: stableUuid(seed, "tag", i), slug: t.slug, name: t.name, nameEn: t.nameEn }));
  return { users, firms, analysts, tags, templates };
}

/** The template a report carries: the one in effect when it went live, or the firm's current one. */
function templateFor(catalogue: Catalogue, firmId: string, at: number): TemplateRow {
  const versions = catalogue.templates.filter((t) => t.firmId === firmId && t.effectiveFrom.getTime() <= at);
  return versions.reduce((a, b) => (b.version > a.version ? b : a));
}

function body(rng: Random, company: string, tag: words.TagWords): string {
  const target = rng.int(2_048, 8_192);
  const sentence = (pattern: string): string => fill(pattern, rng, { company, tag });
  const paragraph = (): string => `<p>${Array.from({ length: rng.int(3, 5) }, () => sentence(rng.pick(words.SENTENCES))).join(" ")}</p>`;
  const parts = [
    "<h2>무슨 이야기인가요?</h2>",
    `<p>${words.LEAD_SENTENCES.map(sentence).join(" ")}</p>`,
  ];
  let bytes = Buffer.byteLength(parts.join(""));
  const headings = rng.sample(words.HEADINGS, words.HEADINGS.length);
  while (bytes < target) {
    const section = `<h2>${headings.pop() ?? "덧붙이는 말"}</h2>${paragraph()}${rng.next() < 0.5 ? paragraph() : ""}`;
    parts.push(section);
    bytes += Buffer.byteLength(section);
  }
  return parts.join("");
}

/** The status mix: 90% published, the rest in the workflow's earlier steps. */
function statusOf(rng: Random): SeedStatus {
  const r = rng.next();
  if (r < 0.9) return "PUBLISHED";
  if (r < 0.94) return "DRAFT";
  if (r < 0.97) return "IN_REVIEW";
  return "APPROVED";
}

const VERSION_BY_STATUS: Record<SeedStatus, number> = { DRAFT: 1, IN_REVIEW: 3, APPROVED: 4, PUBLISHED: 5 };

/**
 * Report number `index`. Reports of the W6 pool (`pool`) are APPROVED with an approved disclaimer
 * of the firm's current template and their first revision, so that `publishReport` can take them live.
 */
export function buildReport(seed: number, catalogue: Catalogue, index: number, pool: boolean): ReportRow {
  const rng = randomFor(seed, pool ? "pool" : "report", index);
  const firmIndex = rng.int(0, FIRMS - 1);
  const firm = catalogue.firms[firmIndex];
  const firmAnalysts = catalogue.analysts.slice(firmIndex * ANALYSTS_PER_FIRM, (firmIndex + 1) * ANALYSTS_PER_FIRM);
  const r = rng.next();
  const analystIds = rng.sample(firmAnalysts, r < 0.6 ? 1 : r < 0.9 ? 2 : 3).map((a) => a.id);
  const tagIndexes = rng.sample([...words.SECTOR_TAGS.keys()], rng.int(1, 3));
  const tag = words.SECTOR_TAGS[tagIndexes[0]];
  const company = `${rng.pick(words.COMPANY_STEMS)}${rng.pick(words.COMPANY_KINDS)}`;
  const title = `[${company}] ${fill(rng.pick(words.HEADLINES), rng, { company, tag })}`;
  const bullets = rng.next() < 0.7 ? 3 : rng.int(1, 5);
  const summary = rng.sample(words.BULLETS, bullets).map((b) => fill(b, rng, { company, tag }));
  const text = body(rng, company, tag);
  const status = pool ? "APPROVED" : statusOf(rng);
  // Whole seconds: every reader (pg, JavaScript, to_char) prints the same time.
  const publishedMs = PUBLISHED_UNTIL - Math.floor(rng.next() * (PUBLISHED_SPAN_MS / 1000)) * 1000;
  const createdMs = status === "PUBLISHED" ? publishedMs - rng.int(1, 20) * DAY_MS : PUBLISHED_UNTIL - rng.int(0, 90) * DAY_MS;
  const template = status === "DRAFT" ? null : templateFor(catalogue, firm.id, status === "PUBLISHED" ? publishedMs : Date.now());
  const id = stableUuid(seed, pool ? "pool" : "report", index);
  const tagIds = tagIndexes.map((i) => catalogue.tags[i].id);
  // The app's ReportContent, in its key order: the publication log hashes exactly this JSON.
  const content = JSON.stringify({
    title,
    subject: company,
    summary,
    body: text,
    language: "ko",
    firmId: firm.id,
    analystIds,
    sectorTagIds: [...tagIds].sort(),
  });
  return {
    id,
    slug: `${slugify(title, 60)}-${pool ? "p" : ""}${index.toString(36)}`,
    title,
    subject: company,
    summary,
    body: text,
    status,
    version: VERSION_BY_STATUS[status],
    publishedAt: status === "PUBLISHED" ? new Date(publishedMs).toISOString() : null,
    createdAt: new Date(createdMs).toISOString(),
    firmId: firm.id,
    analystIds,
    tagIds,
    createdById: catalogue.users[rng.int(0, EDITORS - 1)].id,
    reviewerId: catalogue.users[EDITORS + rng.int(0, REVIEWERS - 1)].id,
    snapshotId: template ? stableUuid(seed, pool ? "pool-snapshot" : "snapshot", index) : null,
    templateId: template?.id ?? null,
    contentChecksum: status === "PUBLISHED" ? sha256Hex(content) : null,
    revision: pool ? content : null,
  };
}
