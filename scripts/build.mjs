#!/usr/bin/env node
// `npm run build`: builds dist/ now if the sources changed since the last build (see ./run.mjs).
import { ensureBuilt } from './run.mjs';
if (!ensureBuilt()) {
  process.stderr.write('[dandang] TypeScript is not installed: run npm install (with dev dependencies) first.\n');
  process.exit(1);
}
