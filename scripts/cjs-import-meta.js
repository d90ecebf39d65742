// Injected into dist/actfn.cjs by scripts/build-cli.mjs: import.meta.url for CommonJS, the bundle's own file.
export const import_meta_url = require('node:url').pathToFileURL(__filename).href;
