import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// <centile-chart> is a custom element, not a Vue component.
export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('centile-') } } })],
  base: './',
  logLevel: 'warn',
  build: { chunkSizeWarningLimit: 8000 },
});
