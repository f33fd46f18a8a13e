# One image for the API and the workers (see docker-compose.yml).

# The editor is a static bundle: built here with the dev dependencies (Vite), copied into the
# runtime image as files, so the image needs no Vite.
FROM node:22-bookworm-slim AS editor
WORKDIR /app
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY workflows/package.json workflows/
COPY runtime/package.json runtime/
COPY editor/package.json editor/
COPY tests/package.json tests/
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json ./
COPY shared shared
COPY editor editor
RUN npm run build

FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY workflows/package.json workflows/
COPY runtime/package.json runtime/
COPY editor/package.json editor/
COPY tests/package.json tests/
RUN npm ci --no-audit --no-fund --omit=dev
COPY shared shared
COPY workflows workflows
COPY runtime runtime
COPY --from=editor /app/editor/dist editor/dist
USER node
EXPOSE 3000
CMD ["node", "runtime/bin/nudgeflow.js", "serve"]
