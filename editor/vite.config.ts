import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The editor is a static bundle the runtime serves at `/` (editor/dist). `npm run dev -w
 * @nudgeflow/editor` serves it with hot reload instead, sending /api to a running `npm start`.
 */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 2048 },
  server: { proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? 3000}` } },
});
