// Rollup 4 with node-resolve as it comes (no options): nothing for .wasm, no commonjs plugin.
import { nodeResolve } from '@rollup/plugin-node-resolve';

export default {
  input: 'src/page.js',
  output: { file: 'dist/src/page.js', format: 'es' },
  plugins: [nodeResolve()],
};
