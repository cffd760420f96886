# syntax=docker/dockerfile:1
# One image for every Botdeck process; the compose file picks the command.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
RUN groupadd --system botdeck && useradd --system --gid botdeck --home /app botdeck
COPY --from=build --chown=botdeck:botdeck /app/node_modules ./node_modules
COPY --from=build --chown=botdeck:botdeck /app/dist ./dist
COPY --chown=botdeck:botdeck package.json ./
USER botdeck
EXPOSE 3000
STOPSIGNAL SIGTERM
CMD ["node", "dist/apps/api/src/main.js"]
