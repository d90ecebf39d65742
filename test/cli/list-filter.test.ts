import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/math/catalog.js';
import { runCli } from '../support/cli-capture.js';

const names = async (argv: string[]) => {
  const r = await runCli([...argv, '--json']);
  expect(r.code, argv.join(' ')).toBe(0);
  return (JSON.parse(r.stdout) as { name: string }[]).map((e) => e.name);
};

describe('actfn list filters', () => {
  it('--self-gated: the x·gate(x) family', async () => {
    const n = await names(['list', '--self-gated']);
    expect(n).toEqual(expect.arrayContaining(['GELU', 'SiLU', 'Mish', 'Hardswish', 'QuickGELU', 'HardMish']));
    expect(n).not.toContain('ReLU');
  });

  it('filters combine: --smooth --bounded --monotonic --framework torch', async () => {
    const n = await names(['list', '--smooth', '--bounded', '--monotonic', '--framework', 'torch']);
    expect(n).toEqual(expect.arrayContaining(['Sigmoid', 'Tanh']));
    for (const x of ['ReLU6', 'Hardtanh', 'GELU', 'Softsign']) expect(n).not.toContain(x);
  });

  it('--zero-centered and --search', async () => {
    expect(await names(['list', '--zero-centered'])).toEqual(expect.arrayContaining(['Tanh', 'GELU', 'ELU']));
    expect(await names(['list', '--zero-centered'])).not.toContain('Sigmoid');
    expect(await names(['list', '--search', 'hendrycks', '--framework', 'timm'])).toEqual([
      'GELU',
      'GELUTanh',
      'QuickGELU',
    ]);
  });

  it('the table says how many match; none is a message on stderr, exit 0', async () => {
    const r = await runCli(['list', '--framework', 'timm']);
    expect(r.stdout).toMatch(/\d+ of \d+ functions match --framework timm\./);
    expect(r.stdout).toContain('│ HardMish ');
    const none = await runCli(['list', '--search', 'zzzz']);
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('');
    expect(none.stderr).toBe('actfn: no function matches --search "zzzz"\n');
  });

  it('a bad --framework is a usage error naming the valid ones', async () => {
    const r = await runCli(['list', '--framework', 'caffe']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/caffe.*torch, jax, keras, tf, transformers, timm/);
  });

  it('list --json carries citation and frameworks', async () => {
    const j = JSON.parse((await runCli(['list', '--json'])).stdout);
    const gelu = j.find((e: { name: string }) => e.name === 'GELU');
    expect(gelu.citation).toMatchObject({
      key: 'hendrycks2016gelu',
      year: 2016,
      arxiv: '1606.08415',
      bibtexType: 'misc',
    });
    expect(gelu.frameworks.torch).toBe('torch.nn.GELU');
    expect(Object.keys(gelu.frameworks)).toEqual(['torch', 'jax', 'keras', 'tf', 'transformers', 'timm']);
    expect(j.find((e: { name: string }) => e.name === 'Sigmoid').citation).toBeNull();
    expect(j).toHaveLength(catalog.length);
  });
});

describe('actfn info: citation, frameworks, --bibtex', () => {
  it('shows the reference and where the function exists', async () => {
    const r = await runCli(['info', 'gelu_fast', '--no-chart']);
    expect(r.stdout).toContain('Reference\n  Hendrycks, D. & Gimpel, K. (2016). Gaussian Error Linear Units (GELUs).');
    expect(r.stdout).toMatch(/In frameworks\n {2}torch +—\n/);
    expect(r.stdout).toMatch(/transformers +ACT2FN\["gelu_fast"\]/);
  });

  it('--json has citation and frameworks', async () => {
    const [j] = JSON.parse((await runCli(['info', 'Mish', '--json'])).stdout);
    expect(j.citation.key).toMatch(/misra/);
    expect(j.frameworks.timm).toBe('mish');
  });

  it('--bibtex prints each paper once', async () => {
    const r = await runCli(['info', 'GELU', 'gelu_new', 'Mish', '--bibtex']);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^@/gm)).toHaveLength(2);
    expect(r.stdout).toMatch(/^@misc\{hendrycks2016gelu,\n {2}author += \{Hendrycks, Dan and Gimpel, Kevin\},/);
  });

  it('--bibtex for a function without a citation: the others, then a one-line error, exit 1', async () => {
    const r = await runCli(['info', 'GELU', 'Sigmoid', '--bibtex']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('@misc{hendrycks2016gelu');
    expect(r.stderr).toBe(
      "actfn: Sigmoid has no citation in the catalog (no single paper introduced it); `actfn list --json` shows every entry's\n",
    );
  });
});
