// webpack 5 with its defaults. The package's bundler entry imports its .wasm as an ES module; webpack 5.112
// turns `experiments.asyncWebAssembly` on by itself ("auto") when no loader claims .wasm. Older webpack 5 releases
// need `experiments: { asyncWebAssembly: true }`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default {
  mode: 'production',
  target: 'web',
  entry: './src/index.js',
  output: { path: path.join(path.dirname(fileURLToPath(import.meta.url)), 'dist'), clean: true },
  performance: { hints: false },
};
