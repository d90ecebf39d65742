/** Where the repository's files are, for tests in any folder under test/. */
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '..', '..');
export const TEST_DIR = join(REPO, 'test');
export const BIN = join(REPO, 'bin', 'actfn.js');
export const SRC = join(REPO, 'src');
export const GOLDEN_DIR = join(TEST_DIR, 'golden');
export const SUPPORT_DIR = join(TEST_DIR, 'support');
