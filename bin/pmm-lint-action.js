#!/usr/bin/env node
'use strict';
// The GitHub Action's step (action.yml): the CLI's bundle holds it (server/src/ci/action.ts).
require('../dist/cli.js').action();
