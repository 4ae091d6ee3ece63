#!/usr/bin/env node
// pilot-gate, the command line. It runs its TypeScript source through ts-node in transpile-only
// mode (type checking is `npm run lint`'s job): a clone runs it after `npm install` with no build
// step, and it always runs the source as it is, never a stale build.
const path = require('path');

require('ts-node').register({ transpileOnly: true, project: path.join(__dirname, '..', 'tsconfig.json') });
require('../src/cli/main').run(process.argv.slice(2));
