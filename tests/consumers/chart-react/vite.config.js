import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({ plugins: [react()], base: './', logLevel: 'warn', build: { chunkSizeWarningLimit: 8000 } });
