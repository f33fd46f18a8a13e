# One image for the API and the workers (see docker-compose.yml).
FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY workflows/package.json workflows/
COPY runtime/package.json runtime/
COPY tests/package.json tests/
RUN npm ci --no-audit --no-fund --omit=dev
COPY shared shared
COPY workflows workflows
COPY runtime runtime
USER node
EXPOSE 3000
CMD ["node", "runtime/bin/nudgeflow.js", "serve"]
