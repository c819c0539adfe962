import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { DataSource, EntityManager } from "typeorm";
import { AppError, badInput } from "../../kernel/errors";
import { afterCommit, transaction } from "../../kernel/transaction";
import * as valid from "../../kernel/validate";
import type { Actor, AuditService } from "../audit/audit.service";
import { contentVisible } from "../report/visibility";
import { isStaff, type Viewer } from "../user/viewer";
import { factsOf, formatOf, IMAGE_LIMITS, imageTooLarge, type ImageContentType } from "./image-format";
import { absoluteImageUrls, IMAGE_HASH, imageHashesIn, imagePath, relativeImageUrls } from "./image-urls";

export interface ImageSettings {
  /** The address clients reach this service at (PUBLIC_URL), without a trailing slash; null: relative URLs. */
  publicUrl: string | null;
  /** The memory bound of the cache of image bytes. */
  cacheMaxBytes: number;
  /**
   * How long this process trusts what it learnt of an image's visibility (CACHE_MAX_AGE): another
   * instance's publication or retraction reaches it within that time, as it reaches a CDN.
   */
  visibilitySeconds: number;
}

export interface StoredImage {
  hash: string;
  contentType: ImageContentType;
  width: number;
  height: number;
  bytes: number;
  data: Buffer;
}

/** What an upload answers: `url` is the path a body's `<img src>` takes. */
export interface UploadedImage {
  hash: string;
  url: string;
  width: number;
  height: number;
  contentType: ImageContentType;
  bytes: number;
  alt: string;
  /** False when the same bytes were stored before. */
  created: boolean;
}

/** Bookkeeping of a cached image beside its bytes, so that the bound holds for many small images. */
const ENTRY_OVERHEAD = 256;
/** The most images whose visibility is remembered: a flood of unknown hashes cannot grow it further. */
const VISIBILITY_ENTRIES = 10_000;

/**
 * Images by content hash: uploads, reads under the visibility of the reports that show them, and
 * the images a body may show. Bytes never change, so they are kept in memory (least recently used
 * out, bounded by `cacheMaxBytes`): a cached read costs no statement, which keeps the embedded
 * database's only connection free.
 */
export class ImageService {
  private readonly stored: LRUCache<string, StoredImage>;
  private readonly visibility: LRUCache<string, boolean> | null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly settings: ImageSettings,
  ) {
    this.stored = new LRUCache<string, StoredImage>({
      maxSize: settings.cacheMaxBytes,
      // One image may not push out more than an eighth of the others.
      maxEntrySize: settings.cacheMaxBytes / 8,
      sizeCalculation: (image) => image.data.length + ENTRY_OVERHEAD,
      // Concurrent reads of one image that is not cached share a single statement.
      fetchMethod: (hash) => this.load(hash),
    });
    this.visibility =
      settings.visibilitySeconds > 0 ? new LRUCache<string, boolean>({ max: VISIBILITY_ENTRIES, ttl: settings.visibilitySeconds * 1000 }) : null;
  }

  /**
   * Stores an image once per content: the same bytes again answer the same hash, with
   * `created: false`. Each upload is audited, a repeated one too.
   */
  upload(actor: Actor, input: { data: Buffer; alt: string }): Promise<UploadedImage> {
    const alt = valid.text(input.alt, "alt", { max: IMAGE_LIMITS.alt });
    const { data } = input;
    if (data.length > IMAGE_LIMITS.maxBytes) throw imageTooLarge();
    const format = formatOf(data);
    if (!format) throw new AppError("UNSUPPORTED_MEDIA_TYPE", { reason: "IMAGE_FORMAT" }, "only PNG, JPEG and WebP images are taken (judged by their content)");
    const facts = factsOf(data);
    if (!facts) throw badInput({ reason: "IMAGE_UNREADABLE", params: { format } }, `the file begins as ${format} but its size cannot be read from it`, "file");
    const image: StoredImage = { hash: createHash("sha256").update(data).digest("hex"), ...facts, bytes: data.length, data };
    return transaction(this.dataSource, async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO images (hash, content_type, width, height, bytes, data, created_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (hash) DO NOTHING RETURNING hash`,
        [image.hash, image.contentType, image.width, image.height, image.bytes, data, actor.id],
      );
      const created = inserted.length === 1;
      const { data: _bytes, ...described } = image;
      await this.audit.record(manager, actor, {
        action: "UPLOAD",
        entityType: "Image",
        entityId: image.hash,
        after: { ...described, alt, ...(!created && { alreadyStored: true }) },
      });
      afterCommit(() => this.stored.set(image.hash, image));
      return { ...described, url: imagePath(image.hash), alt, created };
    });
  }

  /**
   * The image, or null when there is none that `viewer` may see: staff see every image; everyone
   * else only those shown by a report whose content they may read (a published one).
   */
  async find(viewer: Viewer, hash: string): Promise<StoredImage | null> {
    if (!IMAGE_HASH.test(hash)) return null;
    if (!isStaff(viewer) && !(await this.shownTo(viewer, hash))) return null;
    return (await this.stored.fetch(hash)) ?? null;
  }

  /** What was learnt of visibility is stale once this process changed what clients read. */
  forgetVisibility(): void {
    this.visibility?.clear();
  }

  /** A body as clients get it: image URLs under PUBLIC_URL. */
  forClients(body: string): string {
    return this.settings.publicUrl ? absoluteImageUrls(body, this.settings.publicUrl) : body;
  }

  /** A body as a client sent it, with this service's absolute image URLs made relative again. */
  toStored(body: string): string {
    return this.settings.publicUrl ? relativeImageUrls(body, this.settings.publicUrl) : body;
  }

  /**
   * A body may show only images this service stores: one that names another is refused rather
   * than saved without it, so that no figure silently vanishes from a report.
   */
  async requireKnown(manager: EntityManager, body: string): Promise<void> {
    const hashes = imageHashesIn(body);
    if (!hashes.length) return;
    const found: { hash: string }[] = await manager.query(`SELECT hash FROM images WHERE hash = ANY($1::text[])`, [hashes]);
    const known = new Set(found.map((row) => row.hash));
    const unknown = hashes.find((hash) => !known.has(hash));
    if (unknown) throw badInput({ reason: "UNKNOWN_IMAGE", params: { path: imagePath(unknown) } }, `the body shows an image this service does not have (${imagePath(unknown)}); upload it first`, "body");
  }

  /** Whether a report `viewer` may read shows the image, remembered for `visibilitySeconds`. */
  private async shownTo(viewer: Viewer, hash: string): Promise<boolean> {
    const condition = contentVisible(viewer);
    // Keyed by the condition too: viewers whom the rule tells apart never share an answer.
    const key = `${condition}\n${hash}`;
    const remembered = this.visibility?.get(key);
    if (remembered !== undefined) return remembered;
    const [{ shown }]: { shown: boolean }[] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM report_images ri JOIN reports r ON r.id = ri.report_id WHERE ri.hash = $1 AND ${condition}) AS shown`,
      [hash],
    );
    this.visibility?.set(key, shown);
    return shown;
  }

  private async load(hash: string): Promise<StoredImage | undefined> {
    const rows: { content_type: ImageContentType; width: number; height: number; bytes: number; data: Buffer }[] = await this.dataSource.query(
      `SELECT content_type, width, height, bytes, data FROM images WHERE hash = $1`,
      [hash],
    );
    if (!rows.length) return undefined;
    const [row] = rows;
    return { hash, contentType: row.content_type, width: row.width, height: row.height, bytes: row.bytes, data: row.data };
  }
}
