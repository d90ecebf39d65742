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
  source = readFileSync(bundle, 'utf8');
} catch {
  process.stderr.write('actfn: dist/actfn.cjs is missing; run `npm run build` in the package folder\n');
  process.exit(1);
}

// Our header before V8's data: the bundle's first line (`// actfn build <hash>`), then the CRC-32 of
// the data as 8 hex digits and a newline. V8 itself checks only its version, its flags and the
// source's length, and crashes on damaged data: a cache that fails either check is not used.
const buildLine = Buffer.from(source.slice(0, source.indexOf('\n') + 1), 'latin1');
const { crc32 } = require('node:zlib'); // Node ≥ 20.15; without it the cache is neither used nor made
const CRC_LINE = 9;
const crcLine = (data) => Buffer.from(`${(crc32(data) >>> 0).toString(16).padStart(8, '0')}\n`, 'latin1');
let cachedData;
if (!process.env.ACTFN_NO_CODE_CACHE && crc32) {
  try {
    const cache = readFileSync(cacheFile);
    const data = cache.subarray(buildLine.length + CRC_LINE);
    const header = cache.subarray(0, buildLine.length + CRC_LINE);
    if (header.equals(Buffer.concat([buildLine, crcLine(data)]))) cachedData = data;
  } catch {
    // no cache: compile
  }
}

// The wrapper Node gives CommonJS modules, on a line of its own so that lines keep their numbers.
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
  const why = cachedData ? 'V8 rejected it: another Node version or V8 flags than the build' : 'missing, damaged or from another build';
  process.stderr.write(`actfn: not using dist/actfn.v8cache (${why}); compiling the bundle\n`);
}
// The build records the cache: functions compiled by this run are added to it.
const record = process.env.ACTFN_WRITE_CODE_CACHE;
if (record && crc32) {
  process.once('exit', () => {
    const data = script.createCachedData();
    writeFileSync(`${record}.tmp`, Buffer.concat([buildLine, crcLine(data), data]));
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
