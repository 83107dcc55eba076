#!/usr/bin/env node
'use strict';
try {
  require('../dist/cli.js').main();
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && /dist[\\/]cli\.js/.test(error.message)) {
    process.stderr.write('pmm-lint: the CLI is not built yet. Run `npm run build` (or `npm ci`, which builds) first.\n');
    process.exit(2);
  }
  throw error;
}
