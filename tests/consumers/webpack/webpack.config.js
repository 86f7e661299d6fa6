// webpack 5 with its defaults: no experiments, no loader or rule for .wasm (the default entry carries the bytes).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default {
  mode: 'production',
  entry: './src/page.js',
  output: { path: path.join(path.dirname(fileURLToPath(import.meta.url)), 'dist'), filename: 'src/page.js', clean: true },
  performance: { hints: false },
};
