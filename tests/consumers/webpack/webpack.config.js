// webpack 5 with its defaults: no experiments, no loader for .wasm (the default entry carries the bytes).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default {
  mode: 'production',
  target: 'web',
  entry: './src/index.js',
  output: { path: path.join(path.dirname(fileURLToPath(import.meta.url)), 'dist'), clean: true },
  performance: { hints: false },
};
