import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Viewer } from "../modules/user/viewer";
import type { Services } from "../modules/services";
import type { EmbeddedDatabase } from "../db/embedded/embedded-database";
import { actorOf } from "../modules/audit/audit.service";
import { Role } from "../modules/user/user.entity";
import { refuse } from "./refusal";

export interface BackupRouteOptions {
  services: Services;
  /** Null with a server PostgreSQL, which is backed up with pg_dump instead. */
  embedded: EmbeddedDatabase | null;
  /** Who sent the request (bearer token or session cookie), resolved as for /graphql. */
  viewerOf(request: FastifyRequest): Promise<Viewer>;
}

/** `GET /backup`: an admin downloads the embedded database as a gzipped tar (`npm run backup`). */
export async function backupRoute(app: FastifyInstance, { services, embedded, viewerOf }: BackupRouteOptions): Promise<void> {
  app.get("/backup", async (request, reply) => {
    const viewer = await viewerOf(request);
    if (!viewer.user && !viewer.apiKeyId) return refuse(reply, 401, viewer.credentialError ?? "sign in as an admin to take a backup", { code: "UNAUTHENTICATED" });
    if (viewer.user?.role !== Role.ADMIN) return refuse(reply, 403, "only admins may take a backup", { code: "FORBIDDEN" });
    if (!embedded) {
      return refuse(reply, 501, "this server uses a PostgreSQL server: back it up with pg_dump (npm run backup with DATABASE_URL set)");
    }
    const archive = await services.database.backup(actorOf(viewer), embedded);
    const stamp = new Date().toISOString().replace(/[-:]|\.\d+/g, "");
    return reply
      .header("content-type", "application/gzip")
      .header("content-disposition", `attachment; filename="research-desk-${stamp}.tar.gz"`)
      .header("cache-control", "no-store")
      .send(archive);
  });
}
