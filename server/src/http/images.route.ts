import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError, badInput } from "../kernel/errors";
import { actorOf } from "../modules/audit/audit.service";
import { IMAGE_LIMITS, imageTooLarge } from "../modules/image/image-format";
import type { Services } from "../modules/services";
import { Role } from "../modules/user/user.entity";
import { holdsRole, type Viewer } from "../modules/user/viewer";
import { isAnonymous, NO_STORE, PRIVATE_REVALIDATE, publicCacheControl, VARY } from "./cache-policy";
import { CSRF_REFUSAL, passesCsrfCheck } from "./csrf";
import { refuse, refuseError } from "./refusal";

export interface ImageRouteOptions {
  services: Services;
  /** Who sent the request (bearer token or session cookie), resolved as for /graphql. */
  viewerOf(request: FastifyRequest): Promise<Viewer>;
  cacheMaxAgeSeconds: number;
}

/** @fastify/multipart's refusals, as this route's typed ones. */
function formRefusal(error: unknown): unknown {
  switch ((error as { code?: unknown } | null)?.code) {
    case "FST_REQ_FILE_TOO_LARGE":
      return imageTooLarge();
    case "FST_INVALID_MULTIPART_CONTENT_TYPE":
      return new AppError("UNSUPPORTED_MEDIA_TYPE", { reason: "MULTIPART_REQUIRED" }, "send the image as multipart/form-data, with the fields file and alt");
    case "FST_FILES_LIMIT":
      return badInput({ reason: "ONE_FILE" }, "send one image per request", "file");
    case "FST_FIELDS_LIMIT":
    case "FST_PARTS_LIMIT":
      return badInput({ reason: "UNEXPECTED_FIELDS" }, "send the fields file and alt only");
    default:
      return error;
  }
}

/** The upload form: the one file, whatever its field is called, and the alt text. */
async function readForm(request: FastifyRequest): Promise<{ data: Buffer; alt: string }> {
  let data: Buffer | null = null;
  let alt = "";
  let altCut = false;
  try {
    for await (const part of request.parts()) {
      if (part.type === "file") data = await part.toBuffer();
      else if (part.fieldname === "alt" && typeof part.value === "string") {
        alt = part.value;
        altCut = part.valueTruncated;
      }
    }
  } catch (error) {
    throw formRefusal(error);
  }
  if (altCut) throw badInput({ reason: "TOO_LONG", params: { max: IMAGE_LIMITS.alt } }, `alt may have at most ${IMAGE_LIMITS.alt} characters`, "alt");
  if (!data) throw badInput({ reason: "REQUIRED" }, "send the image as the form's file field", "file");
  return { data, alt };
}

const etagOf = (hash: string): string => `"${hash}"`;

/** If-None-Match names this version (or any: `*`); weak tags compare as strong ones here, since a hash names exact bytes. */
const notModified = (ifNoneMatch: string | undefined, hash: string): boolean =>
  ifNoneMatch?.split(",").some((tag) => ["*", etagOf(hash)].includes(tag.trim().replace(/^W\//, ""))) ?? false;

/**
 * `POST /images` (editors upload a chart or figure) and `GET /images/<hash>` (anyone may read an
 * image that a published report shows; staff every image). Refusals have the shape of
 * `http/refusal.ts`. The multipart parser is registered in this plugin only, so /graphql still
 * refuses multipart bodies.
 */
export async function imageRoutes(app: FastifyInstance, { services, viewerOf, cacheMaxAgeSeconds }: ImageRouteOptions): Promise<void> {
  await app.register(fastifyMultipart, {
    limits: { fileSize: IMAGE_LIMITS.maxBytes, files: 1, fields: 4, parts: 5, fieldSize: 4 * IMAGE_LIMITS.alt },
  });
  app.setErrorHandler((error, _request, reply) => refuseError(reply, error));

  // Only a multipart body is read, and by the handler once the credentials allow it; any other
  // body is refused before it grows.
  app.post("/images", { bodyLimit: 1024 }, async (request, reply) => {
    if (!passesCsrfCheck(request.headers)) return refuse(reply, 400, CSRF_REFUSAL, { code: "BAD_REQUEST" });
    const viewer = await viewerOf(request);
    if (!viewer.user) return refuse(reply, 401, viewer.credentialError ?? "sign in as an editor to upload images", { code: "UNAUTHENTICATED" });
    if (!holdsRole(viewer.user, Role.EDITOR)) return refuse(reply, 403, "uploading images needs the EDITOR role", { code: "FORBIDDEN" });
    const { created, ...image } = await services.images.upload(actorOf(viewer), await readForm(request));
    return reply.code(created ? 201 : 200).header("location", image.url).header("cache-control", NO_STORE).send(image);
  });

  app.get<{ Params: { hash: string } }>("/images/:hash", async (request, reply) => {
    const viewer = await viewerOf(request);
    if (viewer.credentialError) return refuse(reply, 401, viewer.credentialError, { code: "UNAUTHENTICATED" });
    const image = await services.images.find(viewer, request.params.hash);
    if (!image) return refuse(reply, 404, "no such image", { code: "NOT_FOUND" });
    // Anonymous answers may be shared for CACHE_MAX_AGE, the longest a retraction takes to reach a
    // cached client; any other is kept by that client only, and checked again (cheaply, by ETag).
    const shared = cacheMaxAgeSeconds > 0 && isAnonymous(viewer);
    reply
      .header("etag", etagOf(image.hash))
      .header("cache-control", shared ? publicCacheControl(cacheMaxAgeSeconds) : PRIVATE_REVALIDATE)
      .header("vary", VARY)
      .header("x-content-type-options", "nosniff");
    if (notModified(request.headers["if-none-match"], image.hash)) return reply.code(304).send();
    return reply.header("content-type", image.contentType).send(image.data);
  });
}
