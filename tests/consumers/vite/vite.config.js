import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// No wasm plugin: Vite 8 bundles the package's default (bundler) entry, which imports its .wasm as an ES module.
export default defineConfig({
  plugins: [react()],
  base: './',
  logLevel: 'warn',
  build: { target: 'es2022', chunkSizeWarningLimit: 8000 },
  worker: { format: 'es' },
});
