# Production image: the API serves GraphQL and the built console on one port.
# Build stage: everything (dev tools included) to compile; then only the API's production dependencies.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN npm install -g pnpm@10.34.9
COPY . .
RUN pnpm install --frozen-lockfile && pnpm build
# Keep the compiled output, drop every installed package, and install again the production
# dependencies of the API and the workspace packages it uses (domain, migrations): no vite, vitest,
# TypeScript, eslint, playwright or react in the runtime image.
RUN rm -rf node_modules */node_modules \
  && CI=true pnpm install --frozen-lockfile --prod --filter "@appraisal/api..." 

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=4000
WORKDIR /app
COPY --from=build /app/package.json /app/pnpm-workspace.yaml ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/domain ./domain
COPY --from=build /app/migrations ./migrations
COPY --from=build /app/api ./api
COPY --from=build /app/admin/dist ./admin/dist
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:4000/health/ready').then(r => process.exit(r.ok ? 0 : 1)).catch(() => process.exit(1))"
CMD ["node", "api/dist/main.js"]
