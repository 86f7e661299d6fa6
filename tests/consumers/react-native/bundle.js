// A production Metro bundle, as `react-native bundle --platform android --dev false --minify true` makes one,
// with this project's metro.config.js: node bundle.js <entry> <out>.
const Metro = require('metro');

(async () => {
  const [entry, out] = process.argv.slice(2);
  const config = await Metro.loadConfig({ cwd: __dirname });
  await Metro.runBuild(config, { entry, out, platform: 'android', dev: false, minify: true, sourceMap: false });
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
