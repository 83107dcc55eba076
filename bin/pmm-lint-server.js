#!/usr/bin/env node
'use strict';
// The pmm-lint language server: `pmm-lint-server --stdio` (also --node-ipc, --socket=<port>).
try {
  require('../dist/server.js').main();
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && /dist[\\/]server\.js/.test(error.message)) {
    process.stderr.write('pmm-lint-server: the server is not built yet. Run `npm run build` (or `npm ci`, which builds) first.\n');
    process.exit(2);
  }
  throw error;
}
