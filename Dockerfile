# Production image: the same `npm ci && npm run build` that CI runs, then only runtime files.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
# `npm run build` compiles the server (tsc, tsconfig.json) and builds the admin panel (vite, admin/)
# and the GraphQL explorer (vite, explorer/), both precompressed by tools/precompress.mts.
COPY tsconfig.json ./
COPY server ./server
COPY admin ./admin
COPY explorer ./explorer
COPY tools ./tools
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=4000
WORKDIR /app
# What `node dist/server/src/index.js` needs, and nothing else: package.json (it makes the .js files
# CommonJS), the production node_modules, the compiled server, the built panel (dist/admin) and the
# explorer (dist/explorer).
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Embedded mode (no DATABASE_URL) writes here; with DATABASE_URL nothing is written locally.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:4000/healthz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/server/src/index.js"]
