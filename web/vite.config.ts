/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the API runs on its own port; these paths are forwarded to it so that
// the app, its cookies and the API share one origin, as they do when the API serves dist/.
const API = process.env.MOTEBOK_API ?? 'http://127.0.0.1:8080';
const proxied = ['/graphql', '/auth', '/documents', '/feeds', '/reports', '/files'];

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: API }])),
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // The initial JavaScript budget (250 KB gzip) is enforced by scripts/check.mjs.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      treeshake: {
        // Designsystemet's React package has no "sideEffects" field, so its barrel drags
        // in every component (Combobox with floating-ui and a virtualiser among them).
        // Its modules only define components; the web components they need are imported
        // from @digdir/designsystemet-web, which stays side-effectful.
        moduleSideEffects: (id: string) =>
          !/node_modules\/(@digdir\/designsystemet-react|@floating-ui|@tanstack|@navikt\/aksel-icons)\//.test(id),
      },
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
