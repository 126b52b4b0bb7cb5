# Dandang: a multi-stage image. The build stage compiles better-sqlite3 and the TypeScript; the
# runtime stage holds dist/, the production node_modules and nothing else, and runs as `node`.
# The database lives on the /data volume (DANDANG_DB=/data/dandang.db, backups in /data/backups).
# See docs/deploy.md.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
COPY adapters ./adapters
COPY db ./db
COPY migrations ./migrations
RUN node scripts/build.mjs && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    DANDANG_DB=/data/dandang.db \
    DANDANG_CONFIG=/config/dandang.yml \
    LOG_FORMAT=json
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# ./data (the default backup directory) is the volume too.
RUN mkdir -p /data /config && chown node:node /data && ln -s /data /app/data
USER node
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# node directly (not npm), so SIGTERM reaches the process and the shutdown is graceful.
CMD ["node", "dist/src/main.js"]
