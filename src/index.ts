/** The library API: `import { evaluate, catalog, parseSpec } from 'actfn'`. */
export { catalog, findEntry } from './math/catalog.js';
export { evaluate, resolveSpec } from './math/resolve.js';
export { jacobian } from './math/jacobian.js';
export { parseSpec, expandSweeps } from './math/spec.js';
export { UsageError, RuntimeFailure } from './errors.js';
export { render, type RenderFormat, type RenderOptions, type Rendered } from './api/render.js';
export type * from './math/types.js';
