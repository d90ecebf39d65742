// The packed package.json leaves out `prepare`: it builds dist/ in a clone, but the tarball holds
// dist/ already, and npm 11 warns on install about any install-time script of a package, prepare
// included. `prepack` builds and then strips it (`strip`); `postpack` puts the file back (`restore`).
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const BACKUP = 'package.json.unpacked';

if (process.argv[2] === 'strip') {
  const text = readFileSync('package.json', 'utf8');
  // A backup left by a pack that failed half-way is the true file: keep it.
  if (!existsSync(BACKUP)) writeFileSync(BACKUP, text);
  const manifest = JSON.parse(text);
  delete manifest.scripts.prepare;
  writeFileSync('package.json', `${JSON.stringify(manifest, null, 2)}\n`);
} else if (process.argv[2] === 'restore') {
  if (existsSync(BACKUP)) renameSync(BACKUP, 'package.json');
} else {
  throw new Error('usage: node scripts/pack-manifest.mjs strip|restore');
}
