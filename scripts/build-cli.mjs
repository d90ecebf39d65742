// Builds the CLI that bin/actfn.js runs (after `tsc`, which type-checks and compiles the library):
// 1. dist/actfn.cjs: src/cli.ts and everything it imports (commander and chalk included) in one
//    minified CommonJS file. Node starts a single CommonJS file several times faster than ~100
//    ES modules (each costs ~0.6 ms to resolve, read, link; an ES entry ~4 ms more). Modules the
//    CLI imports with import() stay lazy: esbuild runs their top level only when first imported,
//    so `table` never initializes the chart code, and @napi-rs/canvas stays an external require.
// 2. dist/actfn.v8cache: V8's code cache for that file, recorded by running the CLI's common
//    commands, so that later starts deserialize compiled bytecode instead of parsing and compiling
//    250 KB of JavaScript. V8 rejects it when the Node version or V8 flags differ (bin/actfn.js then
//    compiles as usual); bin/actfn.js ignores it unless it was recorded from this very bundle and
//    its checksum (in our header: V8 does not check its data, and crashes on a damaged cache) matches.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundleFile = join(root, 'dist', 'actfn.cjs');
const cacheFile = join(root, 'dist', 'actfn.v8cache');

/**
 * commander requires node:child_process at load time (~2 ms) for executable subcommands, which
 * actfn does not use: the bundle gets it on first use instead.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const text = await readFile(args.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!text.includes(eager)) {
        return {
          contents: text,
          loader: 'js',
          warnings: [{ text: `commander no longer has \`${eager}\`: it stays eager (about 2 ms of start-up)` }],
        };
      }
      return {
        contents: text.replace(
          eager,
          "const childProcess = { get spawn() { return require('node:child_process').spawn; } };",
        ),
        loader: 'js',
      };
    });
  },
};

// The computed properties and list traits of every catalog entry (src/commands/catalog-facts.ts),
// from the library tsc has just compiled out of the same sources as the bundle.
const { catalog } = await import(pathToFileURL(join(root, 'dist', 'math', 'catalog.js')).href);
const { encodeCatalogFacts } = await import(pathToFileURL(join(root, 'dist', 'commands', 'catalog-facts.js')).href);
const catalogFacts = encodeCatalogFacts(catalog);

const result = await build({
  entryPoints: [join(root, 'src', 'cli.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  write: false,
  outfile: bundleFile,
  // jpeg-js (JPEG only) stays out too: 30 KB less to load on every start.
  external: ['@napi-rs/canvas', 'jpeg-js'],
  // import() of the external canvas becomes require(): bin/actfn.js runs the bundle as a script,
  // which has no ES module loader behind it.
  supported: { 'dynamic-import': false },
  // src/resources.ts finds the package's files from import.meta.url: here, the bundle's own file.
  inject: [join(root, 'scripts', 'cjs-import-meta.js')],
  define: { 'import.meta.url': 'import_meta_url', ACTFN_CATALOG_FACTS: JSON.stringify(catalogFacts) },
  plugins: [lazyChildProcess],
  logLevel: 'warning',
});
const [output] = result.outputFiles;
// esbuild escapes non-ASCII characters except in regular expressions: escape those too, so that the
// bundle is ASCII and bin/actfn.js can read it as latin1 (a one-byte string, no UTF-8 decoding:
// ~5 ms less per start). \uXXXX means the same character in a regex, a string or an identifier.
if (/\\[\u0080-\uffff]/.test(output.text))
  throw new Error('a backslash before a non-ASCII character: cannot escape it');
// Per UTF-16 unit: a surrogate pair becomes \uD8xx\uDCxx, which a u-flag regex reads as one character.
const text = output.text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
if (/\bimport\(/.test(text)) throw new Error('dist/actfn.cjs still contains import(), which bin/actfn.js cannot run');
// The first line identifies the build; the code cache starts with the same line.
rmSync(cacheFile, { force: true });
writeFileSync(`${bundleFile}.tmp`, `// actfn build ${output.hash}\n${text}`);
renameSync(`${bundleFile}.tmp`, bundleFile);

// Record the code cache: each run loads the cache so far and writes it back with the functions it
// compiled, so the cache covers all of them. Start-up-critical commands only (a bigger cache takes
// longer to load); the others compile what they need as usual.
const work = mkdtempSync(join(tmpdir(), 'actfn-build-'));
try {
  const env = { ...process.env, ACTFN_WRITE_CODE_CACHE: cacheFile };
  delete env.NODE_OPTIONS; // V8 flags there would make V8 reject the cache in ordinary runs
  delete env.FORCE_COLOR;
  for (const args of [
    ['table', 'GELU'],
    ['plot', 'GELU', '-o', join(work, 'GELU.png')],
  ]) {
    const r = spawnSync(process.execPath, [join(root, 'bin', 'actfn.js'), ...args], {
      cwd: work,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    });
    if (r.status !== 0) {
      // The CLI still works without (part of) the cache, only starts slower: warn, do not fail.
      process.stderr.write(
        `build-cli: \`actfn ${args.join(' ')}\` failed while recording the code cache, which stays incomplete:\n${r.stderr}`,
      );
      break;
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
