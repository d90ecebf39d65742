// `npm run bench`: runs every bench/*.bench.mjs in name order. Each prints its own section.
import { readdirSync } from 'node:fs';

const dir = new URL('./', import.meta.url);
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
process.stdout.write(`actfn benchmarks — node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`);
for (const f of files) {
  const mod = await import(new URL(f, dir).href);
  await mod.default();
}
