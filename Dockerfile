# syntax=docker/dockerfile:1
# Build stage: compile TypeScript (and better-sqlite3's native addon when no prebuilt fits).
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

# Runtime stage: only the compiled code and production dependencies, run as a non-root user.
FROM node:20-bookworm-slim AS runtime
# V8's old space capped at 128 MiB: the service's live heap is 55-90 MiB under load, and without
# a cap V8 lets the old space grow to several times that before collecting (RSS 300 MiB after
# three benchmark passes, 185 MiB with the cap; docs/benchmarks.md, "Memory").
ENV NODE_ENV=production \
    NODE_OPTIONS=--max-old-space-size=128 \
    PORT=3000 \
    DATA_DIR=/app/data
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./package.json
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:3000/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/apps/api/src/main.js"]
