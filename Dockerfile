# syntax=docker/dockerfile:1
#
# One image for every service of Samen Regelen (docs/adr/0014-production-topology.md): the same
# build, started with a different command.
#
#   gateway       node dist/apps/gateway/src/gateway-main.js
#   coordinator   node dist/apps/gateway/src/coordinator-main.js   (API; DELIVERY_WORKER=false)
#   worker        node dist/apps/gateway/src/worker-main.js        (the delivery worker)
#   node          node dist/apps/creditor-node/src/main.js         (one per creditor)
#   portal        node dist/apps/debtor-portal/src/main.js
#
# Build from the repository root: docker build -t samen-regelen .
# Every setting comes from the environment at run time (see infra/compose and infra/kubernetes);
# nothing secret is baked into the image.

ARG NODE_VERSION=22

# --- build: all dependencies, then tsc -p tsconfig.build.json into dist/ -------------------------
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Install scripts are not needed to compile (they only fetch development tools' binaries).
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run -s build

# --- production dependencies only ------------------------------------------------------------------
FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# --- runtime ----------------------------------------------------------------------------------------
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0
WORKDIR /app
# package.json is read at run time: "type": "module" and the "imports" map (#contracts, #service-kit,
# …) that points into dist/.
COPY package.json ./
# Production dependencies, including the NL Design System CSS (@utrecht/*) the portal reads from
# node_modules when it starts.
COPY --from=deps /app/node_modules ./node_modules
# The compiled code (migrations are compiled TypeScript too; the arrangement parameters are JSON that
# tsc copies along).
COPY --from=build /app/dist ./dist
# The gateway reads the committed supergraph at start (SUPERGRAPH_FILE in
# apps/gateway/src/gateway/gateway.module.ts: apps/gateway/supergraph.graphql beside dist/).
COPY --from=build /app/apps/gateway/supergraph.graphql ./apps/gateway/supergraph.graphql
# Files stay root-owned and read-only to the service; the root filesystem can be mounted read-only.
USER node
CMD ["node", "dist/apps/gateway/src/gateway-main.js"]
