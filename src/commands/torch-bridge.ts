/**
 * Runs python/torch_eval.py once for `grad-check --against torch`: finds a python3 that can import
 * torch (ACTFN_PYTHON if set; else `python3`, then `/usr/bin/python3`, where Debian's
 * python3-torch lives), sends the points and each function's `equivalents.torch` expression, and
 * reads back float64 values and autograd derivatives.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
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
  /** The signal that ended the interpreter, if one did. */
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Set when the program could not be started (ENOENT, EACCES, EISDIR …). */
  readonly spawnError?: string;
  /** Set when we stopped it for taking longer than TIMEOUT_MS. */
  readonly timedOut?: boolean;
}

/** Importing torch takes seconds; evaluating takes less. Beyond this, something is stuck. */
const TIMEOUT_MS = 120_000;

/**
 * The child inherits this process's environment (PATH, HOME); io.env only chooses the interpreter.
 * Our own timer, cleared however the child ends: spawn's `timeout` option leaves its timer running
 * when the program cannot start, which kept the process alive for the whole 120 s.
 */
function run(command: string, args: string[], input: string): Promise<RunOutcome> {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    let settled = false;
    const finish = (outcome: Omit<RunOutcome, 'stdout' | 'stderr'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...outcome, stdout, stderr, ...(timedOut ? { timedOut } : {}) });
    };
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, TIMEOUT_MS);
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', (err: NodeJS.ErrnoException) => {
      child.stdout.destroy();
      child.stderr.destroy();
      finish({ status: null, signal: null, spawnError: err.code ?? err.message });
    });
    child.on('close', (status, signal) => finish({ status, signal }));
    // A child that exits before reading (no torch) closes the pipe: not our error.
    child.stdin.on('error', () => {});
    child.stdin.end(input);
  });
}

/** Why the interpreter could not be started, in words. */
function spawnProblem(code: string): string {
  switch (code) {
    case 'ENOENT':
      return 'not found';
    case 'EACCES':
    case 'EPERM':
      return 'not executable';
    case 'EISDIR':
      return 'a folder';
    case 'ENOEXEC':
      return 'not a program';
    default:
      return `cannot start (${code})`;
  }
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
    Object.entries(params).map(([k, v]) => [
      k,
      typeof v === 'number' && !Number.isFinite(v) ? { float: nonFinite(v) } : v,
    ]),
  );
}

const NON_FINITE: Record<string, number> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
};

/** A list of `length` numbers (non-finite ones as their strings), or a RuntimeFailure. */
function decodeNumbers(values: unknown, length: number, what: string): Float64Array {
  if (!Array.isArray(values) || values.length !== length) {
    throw new RuntimeFailure(`torch_eval.py answered without ${length} values of ${what}`);
  }
  return Float64Array.from(values, (v) => {
    if (typeof v === 'number') return v;
    if (typeof v === 'string' && v in NON_FINITE) return NON_FINITE[v]!;
    throw new RuntimeFailure(`torch_eval.py answered ${JSON.stringify(v)?.slice(0, 40)} among the values of ${what}`);
  });
}

interface RawResult {
  error?: string;
  noExpression?: boolean;
  y?: unknown;
  dy?: unknown;
  d2?: unknown;
  d2Error?: string;
}

function decodeResult(raw: RawResult, length: number, id: number): TorchResult {
  if (typeof raw.error === 'string') return { error: raw.error, noExpression: raw.noExpression === true };
  const values = {
    y: decodeNumbers(raw.y, length, `y for function ${id}`),
    dy: decodeNumbers(raw.dy, length, `dy for function ${id}`),
  };
  if (raw.d2 !== undefined) return { ...values, d2: decodeNumbers(raw.d2, length, `d2 for function ${id}`) };
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
  if (!existsSync(TORCH_SCRIPT))
    throw new RuntimeFailure(`${TORCH_SCRIPT} is missing from the installation; reinstall actfn`);
  const tried: string[] = [];
  for (const python of pythonCandidates(env)) {
    const out = await run(python, [TORCH_SCRIPT], input);
    if (out.spawnError) {
      tried.push(`${python}: ${spawnProblem(out.spawnError)}`);
      continue;
    }
    if (out.status === NO_TORCH) {
      tried.push(`${python}: no torch`);
      continue;
    }
    const script = `${python} ${TORCH_SCRIPT}`;
    if (out.timedOut)
      throw new RuntimeFailure(`${script} did not finish within ${TIMEOUT_MS / 1000} s and was stopped`);
    if (out.signal)
      throw new RuntimeFailure(
        `${script} was killed by ${out.signal}${lastLine(out.stderr) ? `: ${lastLine(out.stderr)}` : ''}`,
      );
    if (out.status !== 0) {
      throw new RuntimeFailure(`${script} failed (exit ${out.status}): ${lastLine(out.stderr) || 'no message'}`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(out.stdout);
    } catch {
      throw new RuntimeFailure(`${script} printed something that is not JSON`);
    }
    const answer = parsed as { torch?: unknown; results?: unknown } | null;
    if (typeof answer !== 'object' || answer === null || !Array.isArray(answer.results)) {
      throw new RuntimeFailure(`${script} answered without a list of results`);
    }
    const list = answer.results as unknown[];
    const results = request.functions.map((f, id) => {
      const raw = list.find(
        (r): r is RawResult & { id: number } =>
          typeof r === 'object' && r !== null && (r as { id?: unknown }).id === id,
      );
      if (!raw) throw new RuntimeFailure(`torch_eval.py gave no result for function ${id}`);
      return decodeResult(raw, f.points.length, id);
    });
    const version = typeof answer.torch === 'string' ? answer.torch : 'unknown';
    return { version, results };
  }
  throw new UsageError(
    `--against torch needs python3 with PyTorch installed (tried ${tried.join('; ')}; set ACTFN_PYTHON to choose an interpreter)`,
  );
}
