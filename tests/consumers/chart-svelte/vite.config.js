import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({ plugins: [svelte()], base: './', logLevel: 'warn', build: { chunkSizeWarningLimit: 8000 } });
