#!/usr/bin/env node
// Runs the compiled CLI from dist/ (never a TypeScript loader: start-up time matters).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('actfn: dist/ is missing; run `npm run build` in the package folder\n');
  process.exit(1);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
