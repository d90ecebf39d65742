/**
 * Files shipped with the package (fonts/, python/; package.json "files"), found from one place.
 * This module sits one folder below the package root in every form the code runs in: src/ (tests),
 * dist/ (the library, compiled by tsc) and dist/actfn.cjs (the CLI bundle, where the build maps
 * import.meta.url to the bundle's own file). Installed from npm, the package keeps that layout.
 */
import { fileURLToPath } from 'node:url';

const PACKAGE_ROOT = new URL('../', import.meta.url);

/** Absolute path of a file shipped with the package, e.g. `fonts/DejaVuSans.ttf`. */
export function packageFile(relative: string): string {
  return fileURLToPath(new URL(relative, PACKAGE_ROOT));
}
