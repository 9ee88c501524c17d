import { defaultClientConditions, defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const apiTarget = process.env.API_URL ?? 'http://localhost:4000';

export default defineConfig({
  base: '/',
  plugins: [react()],
  // Workspace packages expose their TypeScript sources under "source": the console bundles the domain's
  // message catalog from source (and reads its types), so it can never lag behind a built copy.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  server: {
    port: 5173,
    proxy: { '/graphql': { target: apiTarget, changeOrigin: true } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // react-admin + MUI make one large vendor chunk; splitting it buys nothing for an admin console.
    chunkSizeWarningLimit: 4000,
  },
});
