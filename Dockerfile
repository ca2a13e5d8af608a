# syntax=docker/dockerfile:1
# The bot's image: `docker compose up` (compose.yaml) or `docker build -t lumen-briefings .`.
# Build stage: install exactly the lock file, compile (npm run build), then drop the dev dependencies.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

# Run stage: the compiled bot, its production dependencies, and the SQL migrations it applies at start.
FROM node:22-bookworm-slim
ENV NODE_ENV=production \
    LUMEN_DATA_DIR=/data \
    LUMEN_HTTP_PORT=9464
WORKDIR /app
COPY --from=build --chown=root:root /app /app
# The data directory is the only place the bot writes; the `node` user (uid 1000) owns it.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 9464
# /healthz answers while the process is up (readiness, with the gateway and the schedule, is /readyz).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.LUMEN_HTTP_PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM: stop taking interactions, finish deliveries in flight, flush, disconnect.
STOPSIGNAL SIGTERM
CMD ["node", "bin/lumen.js", "start"]
