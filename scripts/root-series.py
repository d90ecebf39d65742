#!/usr/bin/python3
"""Taylor series of f′ about its root for the literature entries whose f′ has one (Logish, Serf,
TanhExp, GeGLU at its defaults): the constants of src/math/numerics/literature-roots.ts.

    /usr/bin/python3 scripts/root-series.py

Near a root f′ is the small difference of larger terms; the series h·(a₁ + a₂h + …), h = x − r,
keeps its relative accuracy (see src/math/numerics/root-series.ts). mpmath at 80 digits: the root by
findroot, the coefficients by mp.taylor; as many terms as |aₙ|·R^(n−1) ≥ 2^−62·|a₁| needs.
"""
from mpmath import mp, mpf

mp.dps = 80
K = 2 / mp.sqrt(mp.pi)


def sig(x):
    return 1 / (1 + mp.exp(-x))


def dsig(x):
    e = mp.exp(-abs(x))
    return e / (1 + e) ** 2


def sp(x):
    return max(x, 0) + mp.log1p(mp.exp(-abs(x)))


SLOPES = {
    'LOGISH': (lambda x: mp.log1p(sig(x)) + x * dsig(x) / (1 + sig(x)), -1.37),
    'SERF': (lambda x: mp.erf(sp(x)) + x * K * mp.exp(-sp(x) ** 2) * sig(x), -1.19),
    'TANHEXP': (lambda x: mp.tanh(mp.exp(x)) + x * mp.exp(x) * mp.sech(mp.exp(x)) ** 2, -1.08),
    'GEGLU': (lambda x: x * mp.erfc(-x / mp.sqrt(2)) + x * x * mp.exp(-x * x / 2) / mp.sqrt(2 * mp.pi), -1.19),
}
RADIUS = 0.3


def dd(v):
    h = float(v)
    return h, float(v - mpf(h))


for name, (g, guess) in SLOPES.items():
    r = mp.findroot(g, guess)
    c = mp.taylor(g, r, 40)
    a1 = c[1]
    tail = []
    for n in range(2, len(c)):
        tail.append(c[n])
        if abs(c[n]) * mpf(RADIUS) ** (n - 1) < mpf(2) ** -62 * abs(a1):
            break
    rh, rl = dd(r)
    ah, al = dd(a1)
    terms = ', '.join(repr(float(t)) for t in tail)
    print(f'/** {name.lower()}: f′ about its root {mp.nstr(r, 30)}, |h| < {RADIUS} */')
    print(f'export const {name}_SLOPE_ROOT = rootSeries({rh!r}, {rl!r}, {ah!r}, {al!r}, {RADIUS}, [{terms}]);')
