/** Gated units in a documented scalar form: GLU, SwiGLU, Dice. */
import type { CatalogEntry } from '../types.js';

export const gatedEntries: readonly CatalogEntry[] = [];
