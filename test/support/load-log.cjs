// Preloaded with `node --require` by test/cli-startup.test.ts (and bench/30-table.bench.mjs): when
// the process exits, prints to stderr one line `ACTFN_LOAD_LOG {json}` with what it loaded by name
// (require calls: packages and node: builtins, as the CLI bundle asks for them), the files it read,
// and whether bin/actfn.js ran with the V8 code cache ('used', 'rejected', or 'none').
'use strict';
const Module = require('node:module');
const fs = require('node:fs');
const vm = require('node:vm');

const required = new Set();
const read = new Set();
let codeCache = 'none';

const load = Module._load;
Module._load = function (request, parent, isMain, ...rest) {
  if (!isMain) required.add(request);
  return load.call(this, request, parent, isMain, ...rest);
};
for (const name of ['readFileSync', 'openSync']) {
  const original = fs[name];
  fs[name] = function (path, ...rest) {
    read.add(String(path));
    return original.call(this, path, ...rest);
  };
}
const Script = vm.Script;
vm.Script = class extends Script {
  constructor(code, options) {
    super(code, options);
    if (options?.cachedData) codeCache = this.cachedDataRejected ? 'rejected' : 'used';
  }
};
process.on('exit', () => {
  process.stderr.write(`ACTFN_LOAD_LOG ${JSON.stringify({ required: [...required], read: [...read], codeCache })}\n`);
});
