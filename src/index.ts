/** The library API: `import { evaluate, catalog, parseSpec } from 'actfn'`. */
export { catalog, findEntry } from './math/catalog.js';
export { evaluate, resolveSpec } from './math/resolve.js';
export { jacobian } from './math/jacobian.js';
export { parseSpec, expandSweeps } from './math/spec.js';
export { UsageError, RuntimeFailure } from './errors.js';
export { render, type RenderFormat, type RenderOptions, type Rendered } from './api/render.js';
export type * from './math/types.js';
export { moments, type Moments } from './math/network/moments.js';
export { gainStats, type GainStats } from './math/network/gain.js';
export { fixedPoint, type FixedPoint } from './math/network/fixed-point.js';
export { depthProfile, type DepthProfile } from './math/network/profile.js';
export { edgeOfChaos, type EdgePoint } from './math/network/edge-of-chaos.js';
export { randomMlp, type MlpMeasurement } from './math/network/random-mlp.js';
