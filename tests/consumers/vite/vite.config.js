import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// No wasm plugin and no optimizeDeps setting: the default entry is plain JavaScript carrying the .wasm bytes.
export default defineConfig({
  plugins: [react()],
  base: './',
  logLevel: 'warn',
  build: { target: 'es2022', chunkSizeWarningLimit: 8000 },
  worker: { format: 'es' },
});
