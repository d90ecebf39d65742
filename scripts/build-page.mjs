// Builds dist/page-app.js: the interactive page's app (src/paint/html/app/main.ts) with the math
// core, the expression compiler, the chart model and layout and the SVG writer, in one minified
// script that the HTML writer inlines (src/paint/html/page.ts). Runs after `tsc` (it reads the
// bundled font through dist/). In the bundle, truetype.ts is replaced by the font subset
// (app/browser-font.ts), the two Node imports the font loader has (node:fs, resources.ts) by
// stubs it never calls, and the catalog's citation table (references.ts) by an empty one: the page
// shows none, and it is 9 KB of the 300 KB a page may weigh.
import { build } from 'esbuild';
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { bundledFont } = await import(join(root, 'dist', 'paint', 'fonts', 'font.js'));
const { fontSubset } = await import(join(root, 'dist', 'paint', 'html', 'font-subset.js'));
const outFile = join(root, 'dist', 'page-app.js');

const browserShims = {
  name: 'browser-shims',
  setup(b) {
    b.onResolve({ filter: /^node:fs$/ }, () => ({ path: 'fs', namespace: 'shim' }));
    b.onResolve({ filter: /[\\/]resources\.js$/ }, () => ({ path: 'resources', namespace: 'shim' }));
    // Citations and framework names (references.ts) are for info, list and the gallery, not the page.
    b.onResolve({ filter: /[\\/]references\.js$/ }, () => ({ path: 'references', namespace: 'shim' }));
    b.onResolve({ filter: /^\.\/truetype\.js$/ }, (args) =>
      args.importer.endsWith(join('fonts', 'font.ts'))
        ? { path: join(root, 'src', 'paint', 'html', 'app', 'browser-font.ts') }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'shim' }, (args) => ({
      contents:
        args.path === 'fs'
          ? 'export function readFileSync() { return new Uint8Array(0); }'
          : args.path === 'references'
            ? 'export const REFERENCES = {};'
            : "export function packageFile() { return ''; }",
      loader: 'js',
    }));
  },
};

const result = await build({
  entryPoints: [join(root, 'src', 'paint', 'html', 'app', 'main.ts')],
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: ['chrome100', 'firefox100', 'safari15'],
  minify: true,
  write: false,
  outfile: outFile,
  define: { __ACTFN_FONT_SUBSET__: JSON.stringify(fontSubset(bundledFont())) },
  plugins: [browserShims],
  legalComments: 'none',
  logLevel: 'warning',
});
const text = result.outputFiles[0].text;
if (/<\/script/i.test(text))
  throw new Error("dist/page-app.js contains </script, which would end the page's <script> early");
if (/(?<![.\w$])eval\(|new Function\(/.test(text))
  throw new Error("dist/page-app.js uses eval or new Function, which the page's CSP forbids");
writeFileSync(`${outFile}.tmp`, text);
renameSync(`${outFile}.tmp`, outFile);
