#!/usr/bin/env node
// Runs the CLI bundle dist/actfn.cjs (scripts/build-cli.mjs) with V8's code cache for it,
// dist/actfn.v8cache, so that a start deserializes compiled code instead of parsing 250 KB of
// JavaScript. Without a usable cache (another Node version, V8 flags, a different build) it
// compiles as usual. CommonJS (bin/package.json): an ES module entry costs ~4 ms more to start.
'use strict';
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const bundle = join(__dirname, '..', 'dist', 'actfn.cjs');
const cacheFile = join(__dirname, '..', 'dist', 'actfn.v8cache');

let source;
try {
  // The build makes the bundle ASCII: latin1 reads it without UTF-8 decoding (~5 ms less).
  source = readFileSync(bundle, 'latin1');
} catch {
  process.stderr.write('actfn: dist/actfn.cjs is missing; run `npm run build` in the package folder\n');
  process.exit(1);
}

// Our header before V8's data: the bundle's first line (`// actfn build <hash>`), then a checksum
// of the data as 8 hex digits, padded with spaces to a multiple of 4 bytes, and a newline. V8
// itself checks only its version, its flags and the source's length, and crashes on damaged data:
// a cache that fails either check is not used.
const buildLine = Buffer.from(source.slice(0, source.indexOf('\n') + 1), 'latin1');

/**
 * FNV-1a over 32-bit words (then the last bytes): each step is a bijection of the running value,
 * so any one damaged word changes the result. In JavaScript, not node:zlib's crc32, so that a
 * start loads no module besides the bundle's own.
 */
function checksumLine(data) {
  const aligned = data.byteOffset % 4 === 0 ? data : Buffer.from(data);
  const n = aligned.length >> 2;
  const words = new Int32Array(aligned.buffer, aligned.byteOffset, n);
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < n; i++) h = Math.imul(h ^ words[i], 0x01000193);
  for (let i = n << 2; i < aligned.length; i++) h = Math.imul(h ^ aligned[i], 0x01000193);
  let line = (h >>> 0).toString(16).padStart(8, '0');
  while ((buildLine.length + line.length + 1) % 4 !== 0) line += ' ';
  return Buffer.from(`${line}\n`, 'latin1');
}

let cachedData;
if (!process.env.ACTFN_NO_CODE_CACHE) {
  try {
    const cache = readFileSync(cacheFile);
    const end = cache.indexOf(0x0a, buildLine.length);
    if (end > 0 && cache.subarray(0, buildLine.length).equals(buildLine)) {
      const data = cache.subarray(end + 1);
      if (cache.subarray(buildLine.length, end + 1).equals(checksumLine(data))) cachedData = data;
    }
  } catch {
    // no cache: compile
  }
}

/** A damaged or partial install: one line saying what to do, never a dump of the bundle. */
function damaged(what) {
  process.stderr.write(`actfn: ${what}; reinstall actfn (or run \`npm run build\` in the package folder)\n`);
  process.exit(1);
}

let script;
try {
  script = new Script(`(function (exports, require, module, __filename, __dirname) {\n${source}\n})`, {
    filename: bundle,
    lineOffset: -1,
    cachedData,
  });
} catch (err) {
  damaged(`dist/actfn.cjs is damaged (${String(err?.message).split('\n')[0]})`);
}
if (process.env.ACTFN_DEBUG && !process.env.ACTFN_NO_CODE_CACHE && (!cachedData || script.cachedDataRejected)) {
  const why = cachedData
    ? 'V8 rejected it: another Node version or V8 flags than the build'
    : 'missing, damaged or from another build';
  process.stderr.write(`actfn: not using dist/actfn.v8cache (${why}); compiling the bundle\n`);
}
// The build records the cache: functions compiled by this run are added to it.
const record = process.env.ACTFN_WRITE_CODE_CACHE;
if (record) {
  process.once('exit', () => {
    const data = script.createCachedData();
    writeFileSync(`${record}.tmp`, Buffer.concat([buildLine, checksumLine(data), data]));
    renameSync(`${record}.tmp`, record);
  });
}

// Relative paths need the current folder; a deleted one is one line, not an ENOENT stack trace.
try {
  process.cwd();
} catch {
  process.stderr.write('actfn: the current folder no longer exists; cd to one that does\n');
  process.exit(1);
}

const module_ = { exports: {} };
try {
  script.runInThisContext()(module_.exports, createRequire(bundle), module_, bundle, dirname(bundle));
} catch (err) {
  damaged(`dist/actfn.cjs is damaged (${String(err?.message).split('\n')[0]})`);
}
if (typeof module_.exports.main !== 'function') damaged('dist/actfn.cjs is incomplete');
module_.exports.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
