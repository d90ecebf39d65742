/**
 * Runs python/torch_eval.py once for `grad-check --against torch`: finds a python3 that can import
 * torch (ACTFN_PYTHON if set; else `python3`, then `/usr/bin/python3`, where Debian's
 * python3-torch lives), sends the points and each function's `equivalents.torch` expression, and
 * reads back float64 values and autograd derivatives.
 */
import { spawn } from 'node:child_process';
import { RuntimeFailure, UsageError } from '../errors.js';
import { packageFile } from '../resources.js';
import type { ReferenceValues } from '../math/gradcheck/against.js';
import type { Params } from '../math/types.js';
import type { CliIO } from './io.js';

/** Shipped in the package (package.json "files"). */
export const TORCH_SCRIPT = packageFile('python/torch_eval.py');

/** The script's exit status when torch cannot be imported. */
const NO_TORCH = 3;

export interface TorchFunction {
  readonly expression: string;
  readonly points: Float64Array;
  readonly params: Params;
  readonly kind: 'pointwise' | 'vector';
}

export interface TorchRequest {
  readonly order: 1 | 2;
  readonly functions: readonly TorchFunction[];
}

/** Per function, in request order: the values, or torch's one-line error. */
export type TorchResult =
  | (ReferenceValues & { readonly d2Error?: string })
  | { readonly error: string; readonly noExpression: boolean };

export interface TorchResponse {
  readonly version: string;
  readonly results: readonly TorchResult[];
}

export function pythonCandidates(env: CliIO['env']): string[] {
  return env.ACTFN_PYTHON ? [env.ACTFN_PYTHON] : ['python3', '/usr/bin/python3'];
}

interface RunOutcome {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Set when the program could not be started (ENOENT, EACCES). */
  readonly spawnError?: string;
}

/** Importing torch takes seconds; evaluating takes less. Beyond this, something is stuck. */
const TIMEOUT_MS = 120_000;

/** The child inherits this process's environment (PATH, HOME); io.env only chooses the interpreter. */
function run(command: string, args: string[], input: string): Promise<RunOutcome> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], timeout: TIMEOUT_MS });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', (err: NodeJS.ErrnoException) => resolve({ status: null, stdout, stderr, spawnError: err.code ?? err.message }));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    // A child that exits before reading (no torch) closes the pipe: not our error.
    child.stdin.on('error', () => {});
    child.stdin.end(input);
  });
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop()?.trim() ?? '';
}

/** JSON has no NaN or ±Infinity: they travel as the strings torch_eval.py decodes. */
function nonFinite(v: number): string {
  return Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
}

/** Parameters travel as JSON; a non-finite one (Softplus threshold=inf) as {"float": "Infinity"}. */
function encodeParams(params: Params): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === 'number' && !Number.isFinite(v) ? { float: nonFinite(v) } : v]),
  );
}

function decodeNumbers(values: unknown): Float64Array {
  if (!Array.isArray(values)) throw new RuntimeFailure('torch_eval.py answered without a list of numbers');
  return Float64Array.from(values, (v) => (typeof v === 'number' ? v : Number(v)));
}

interface RawResult {
  error?: string;
  noExpression?: boolean;
  y?: unknown;
  dy?: unknown;
  d2?: unknown;
  d2Error?: string;
}

function decodeResult(raw: RawResult): TorchResult {
  if (typeof raw.error === 'string') return { error: raw.error, noExpression: raw.noExpression === true };
  const values = { y: decodeNumbers(raw.y), dy: decodeNumbers(raw.dy) };
  if (raw.d2 !== undefined) return { ...values, d2: decodeNumbers(raw.d2) };
  return typeof raw.d2Error === 'string' ? { ...values, d2Error: raw.d2Error } : values;
}

/** Evaluates every function with torch; a missing python3 or torch is a UsageError (exit 2). */
export async function evaluateWithTorch(request: TorchRequest, env: CliIO['env']): Promise<TorchResponse> {
  const input = JSON.stringify({
    order: request.order,
    functions: request.functions.map((f, id) => ({
      id,
      expression: f.expression,
      params: encodeParams(f.params),
      kind: f.kind,
      points: Array.from(f.points, (v) => (Number.isFinite(v) ? v : nonFinite(v))),
    })),
  });
  const tried: string[] = [];
  for (const python of pythonCandidates(env)) {
    const out = await run(python, [TORCH_SCRIPT], input);
    if (out.spawnError) {
      tried.push(`${python}: not found`);
      continue;
    }
    if (out.status === NO_TORCH) {
      tried.push(`${python}: no torch`);
      continue;
    }
    if (out.status === null) throw new RuntimeFailure(`${python} ${TORCH_SCRIPT} did not finish within ${TIMEOUT_MS / 1000} s`);
    if (out.status !== 0) {
      throw new RuntimeFailure(`${python} ${TORCH_SCRIPT} failed (exit ${out.status}): ${lastLine(out.stderr) || 'no message'}`);
    }
    let parsed: { torch?: string; results?: (RawResult & { id: number })[] };
    try {
      parsed = JSON.parse(out.stdout) as typeof parsed;
    } catch {
      throw new RuntimeFailure(`${python} ${TORCH_SCRIPT} printed something that is not JSON`);
    }
    const results = request.functions.map((_, id) => {
      const raw = parsed.results?.find((r) => r.id === id);
      if (!raw) throw new RuntimeFailure(`torch_eval.py gave no result for function ${id}`);
      return decodeResult(raw);
    });
    return { version: parsed.torch ?? 'unknown', results };
  }
  throw new UsageError(
    `--against torch needs python3 with PyTorch installed (tried ${tried.join('; ')}; set ACTFN_PYTHON to choose an interpreter)`,
  );
}
