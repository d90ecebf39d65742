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

// The cache begins with the bundle's first line (`// actfn build <hash>`): V8 itself checks only
// its version, its flags and the source's length.
const buildLine = Buffer.from(source.slice(0, source.indexOf('\n') + 1), 'latin1');
let cachedData;
if (!process.env.ACTFN_NO_CODE_CACHE) {
  try {
    const cache = readFileSync(cacheFile);
    if (cache.subarray(0, buildLine.length).equals(buildLine)) cachedData = cache.subarray(buildLine.length);
  } catch {
    // no cache: compile
  }
}

// The wrapper Node gives CommonJS modules, on a line of its own so that lines keep their numbers.
const script = new Script(`(function (exports, require, module, __filename, __dirname) {\n${source}\n})`, {
  filename: bundle,
  lineOffset: -1,
  cachedData,
});
if (process.env.ACTFN_DEBUG && !process.env.ACTFN_NO_CODE_CACHE && (!cachedData || script.cachedDataRejected)) {
  const why = cachedData ? 'V8 rejected it: another Node version or V8 flags than the build' : 'missing or from another build';
  process.stderr.write(`actfn: not using dist/actfn.v8cache (${why}); compiling the bundle\n`);
}
// The build records the cache: functions compiled by this run are added to it.
const record = process.env.ACTFN_WRITE_CODE_CACHE;
if (record) {
  process.once('exit', () => {
    writeFileSync(`${record}.tmp`, Buffer.concat([buildLine, script.createCachedData()]));
    renameSync(`${record}.tmp`, record);
  });
}

const module_ = { exports: {} };
script.runInThisContext()(module_.exports, createRequire(bundle), module_, bundle, dirname(bundle));
module_.exports.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
