// The Node entry (the `node` condition: Node, Deno, Bun; CommonJS), pkg/node/index.cjs. scripts/build-pkg.mjs
// (scripts/entries.mjs) inlines the files the `centile:inline` line names and writes one export per public
// function at `centile:exports`; these first comment lines are for readers of pkg-template/ and are not shipped.
'use strict';
const glue = require('./centile.js');
/* centile:inline protocol.js api.js instance.js */
// The glue instantiated the module when it was required.
const engine = instance(glue, glue.__centileRestart);
engine.live();
const api = createApi(engine);
exports.CentileError = CentileError;
/* centile:exports */
