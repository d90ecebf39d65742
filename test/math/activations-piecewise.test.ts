/**
 * The piecewise entries (src/math/activations/relu.ts, hard.ts): values, derivatives and corner
 * conventions against PyTorch, limits at ±∞, NaN, signed zeros, parameter validation.
 */
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { findEntry } from '../../src/math/catalog.js';
import { resolveSpec } from '../../src/math/resolve.js';
import { ulpDistance } from '../support/exact.js';

/**
 * [spec, x, torch y, torch dy]: torch 1.13 float64 (Debian python3-torch, /usr/bin/python3), the
 * torch expression named in each entry's equivalents, autograd on one-element tensors (torch's
 * scalar backward loop: see Hardswish′(3) below). Points: each kink, kink ± 1e-9, and a common set.
 * Hardsigmoid′ is the one deliberate difference: torch 1.13 returns 1/6 rounded to float32.
 */
const TORCH_POINTS: readonly (readonly [string, number, number, number])[] = [
  ['ReLU', 0.0, 0.0, 0.0],
  ['ReLU', -1e-9, 0.0, 0.0],
  ['ReLU', 1e-9, 1e-9, 1.0],
  ['ReLU', -0.0, -0.0, 0.0],
  ['ReLU', 1.0, 1.0, 1.0],
  ['ReLU', -1.0, 0.0, 0.0],
  ['ReLU', 2.5, 2.5, 1.0],
  ['ReLU', -3.0, 0.0, 0.0],
  ['ReLU', 7.0, 7.0, 1.0],
  ['ReLU', -0.3, 0.0, 0.0],
  ['ReLU', 1e-300, 1e-300, 1.0],
  ['ReLU', -1000.0, 0.0, 0.0],
  ['ReLU', 1000.0, 1000.0, 1.0],
  ['LeakyReLU', 0.0, 0.0, 0.01],
  ['LeakyReLU', -1e-9, -1.0000000000000001e-11, 0.01],
  ['LeakyReLU', 1e-9, 1e-9, 1.0],
  ['LeakyReLU', -0.0, -0.0, 0.01],
  ['LeakyReLU', 1.0, 1.0, 1.0],
  ['LeakyReLU', -1.0, -0.01, 0.01],
  ['LeakyReLU', 2.5, 2.5, 1.0],
  ['LeakyReLU', -3.0, -0.03, 0.01],
  ['LeakyReLU', 7.0, 7.0, 1.0],
  ['LeakyReLU', -0.3, -0.003, 0.01],
  ['LeakyReLU', 1e-300, 1e-300, 1.0],
  ['LeakyReLU', -1000.0, -10.0, 0.01],
  ['LeakyReLU', 1000.0, 1000.0, 1.0],
  ['LeakyReLU(negative_slope=-0.5)', 0.0, -0.0, -0.5],
  ['LeakyReLU(negative_slope=-0.5)', -1e-9, 5e-10, -0.5],
  ['LeakyReLU(negative_slope=-0.5)', 1e-9, 1e-9, 1.0],
  ['LeakyReLU(negative_slope=-0.5)', -0.0, 0.0, -0.5],
  ['LeakyReLU(negative_slope=-0.5)', 1.0, 1.0, 1.0],
  ['LeakyReLU(negative_slope=-0.5)', -1.0, 0.5, -0.5],
  ['LeakyReLU(negative_slope=-0.5)', 2.5, 2.5, 1.0],
  ['LeakyReLU(negative_slope=-0.5)', -3.0, 1.5, -0.5],
  ['LeakyReLU(negative_slope=-0.5)', 7.0, 7.0, 1.0],
  ['LeakyReLU(negative_slope=-0.5)', -0.3, 0.15, -0.5],
  ['LeakyReLU(negative_slope=-0.5)', 1e-300, 1e-300, 1.0],
  ['LeakyReLU(negative_slope=-0.5)', -1000.0, 500.0, -0.5],
  ['LeakyReLU(negative_slope=-0.5)', 1000.0, 1000.0, 1.0],
  ['PReLU', 0.0, 0.0, 0.25],
  ['PReLU', -1e-9, -2.5e-10, 0.25],
  ['PReLU', 1e-9, 1e-9, 1.0],
  ['PReLU', -0.0, -0.0, 0.25],
  ['PReLU', 1.0, 1.0, 1.0],
  ['PReLU', -1.0, -0.25, 0.25],
  ['PReLU', 2.5, 2.5, 1.0],
  ['PReLU', -3.0, -0.75, 0.25],
  ['PReLU', 7.0, 7.0, 1.0],
  ['PReLU', -0.3, -0.075, 0.25],
  ['PReLU', 1e-300, 1e-300, 1.0],
  ['PReLU', -1000.0, -250.0, 0.25],
  ['PReLU', 1000.0, 1000.0, 1.0],
  ['PReLU(init=1.5)', 0.0, 0.0, 1.5],
  ['PReLU(init=1.5)', -1e-9, -1.5000000000000002e-9, 1.5],
  ['PReLU(init=1.5)', 1e-9, 1e-9, 1.0],
  ['PReLU(init=1.5)', -0.0, -0.0, 1.5],
  ['PReLU(init=1.5)', 1.0, 1.0, 1.0],
  ['PReLU(init=1.5)', -1.0, -1.5, 1.5],
  ['PReLU(init=1.5)', 2.5, 2.5, 1.0],
  ['PReLU(init=1.5)', -3.0, -4.5, 1.5],
  ['PReLU(init=1.5)', 7.0, 7.0, 1.0],
  ['PReLU(init=1.5)', -0.3, -0.44999999999999996, 1.5],
  ['PReLU(init=1.5)', 1e-300, 1e-300, 1.0],
  ['PReLU(init=1.5)', -1000.0, -1500.0, 1.5],
  ['PReLU(init=1.5)', 1000.0, 1000.0, 1.0],
  ['RReLU', 0.0, 0.0, 0.22916666666666666],
  ['RReLU', -1e-9, -2.2916666666666668e-10, 0.22916666666666666],
  ['RReLU', 1e-9, 1e-9, 1.0],
  ['RReLU', -0.0, -0.0, 0.22916666666666666],
  ['RReLU', 1.0, 1.0, 1.0],
  ['RReLU', -1.0, -0.22916666666666666, 0.22916666666666666],
  ['RReLU', 2.5, 2.5, 1.0],
  ['RReLU', -3.0, -0.6875, 0.22916666666666666],
  ['RReLU', 7.0, 7.0, 1.0],
  ['RReLU', -0.3, -0.06874999999999999, 0.22916666666666666],
  ['RReLU', 1e-300, 1e-300, 1.0],
  ['RReLU', -1000.0, -229.16666666666666, 0.22916666666666666],
  ['RReLU', 1000.0, 1000.0, 1.0],
  ['RReLU(lower=0.1, upper=0.3)', 0.0, 0.0, 0.2],
  ['RReLU(lower=0.1, upper=0.3)', -1e-9, -2.0000000000000003e-10, 0.2],
  ['RReLU(lower=0.1, upper=0.3)', 1e-9, 1e-9, 1.0],
  ['RReLU(lower=0.1, upper=0.3)', -0.0, -0.0, 0.2],
  ['RReLU(lower=0.1, upper=0.3)', 1.0, 1.0, 1.0],
  ['RReLU(lower=0.1, upper=0.3)', -1.0, -0.2, 0.2],
  ['RReLU(lower=0.1, upper=0.3)', 2.5, 2.5, 1.0],
  ['RReLU(lower=0.1, upper=0.3)', -3.0, -0.6000000000000001, 0.2],
  ['RReLU(lower=0.1, upper=0.3)', 7.0, 7.0, 1.0],
  ['RReLU(lower=0.1, upper=0.3)', -0.3, -0.06, 0.2],
  ['RReLU(lower=0.1, upper=0.3)', 1e-300, 1e-300, 1.0],
  ['RReLU(lower=0.1, upper=0.3)', -1000.0, -200.0, 0.2],
  ['RReLU(lower=0.1, upper=0.3)', 1000.0, 1000.0, 1.0],
  ['ReLU6', 0.0, 0.0, 0.0],
  ['ReLU6', -1e-9, 0.0, 0.0],
  ['ReLU6', 1e-9, 1e-9, 1.0],
  ['ReLU6', 6.0, 6.0, 0.0],
  ['ReLU6', 5.999999999, 5.999999999, 1.0],
  ['ReLU6', 6.000000001, 6.0, 0.0],
  ['ReLU6', -0.0, -0.0, 0.0],
  ['ReLU6', 1.0, 1.0, 1.0],
  ['ReLU6', -1.0, 0.0, 0.0],
  ['ReLU6', 2.5, 2.5, 1.0],
  ['ReLU6', -3.0, 0.0, 0.0],
  ['ReLU6', 7.0, 6.0, 0.0],
  ['ReLU6', -0.3, 0.0, 0.0],
  ['ReLU6', 1e-300, 1e-300, 1.0],
  ['ReLU6', -1000.0, 0.0, 0.0],
  ['ReLU6', 1000.0, 6.0, 0.0],
  ['Hardtanh', -1.0, -1.0, 0.0],
  ['Hardtanh', -1.000000001, -1.0, 0.0],
  ['Hardtanh', -0.999999999, -0.999999999, 1.0],
  ['Hardtanh', 1.0, 1.0, 0.0],
  ['Hardtanh', 0.999999999, 0.999999999, 1.0],
  ['Hardtanh', 1.000000001, 1.0, 0.0],
  ['Hardtanh', 0.0, 0.0, 1.0],
  ['Hardtanh', -0.0, -0.0, 1.0],
  ['Hardtanh', 2.5, 1.0, 0.0],
  ['Hardtanh', -3.0, -1.0, 0.0],
  ['Hardtanh', 7.0, 1.0, 0.0],
  ['Hardtanh', -0.3, -0.3, 1.0],
  ['Hardtanh', 1e-300, 1e-300, 1.0],
  ['Hardtanh', -1000.0, -1.0, 0.0],
  ['Hardtanh', 1000.0, 1.0, 0.0],
  ['Hardtanh(min_val=-2, max_val=0.5)', -2.0, -2.0, 0.0],
  ['Hardtanh(min_val=-2, max_val=0.5)', -2.000000001, -2.0, 0.0],
  ['Hardtanh(min_val=-2, max_val=0.5)', -1.999999999, -1.999999999, 1.0],
  ['Hardtanh(min_val=-2, max_val=0.5)', 0.5, 0.5, 0.0],
  ['Hardtanh(min_val=-2, max_val=0.5)', 0.499999999, 0.499999999, 1.0],
  ['Hardtanh(min_val=-2, max_val=0.5)', 0.500000001, 0.5, 0.0],
  ['Hardtanh(min_val=-2, max_val=0.5)', 0.0, 0.0, 1.0],
  ['Hardtanh(min_val=-2, max_val=0.5)', -0.0, -0.0, 1.0],
  ['Hardtanh(min_val=-2, max_val=0.5)', 1.0, 0.5, 0.0],
  ['Hardtanh(min_val=-2, max_val=0.5)', -1.0, -1.0, 1.0],
  ['Hardtanh(min_val=-2, max_val=0.5)', 2.5, 0.5, 0.0],
  ['Hardtanh(min_val=-2, max_val=0.5)', -3.0, -2.0, 0.0],
  ['Hardtanh(min_val=-2, max_val=0.5)', 7.0, 0.5, 0.0],
  ['Hardtanh(min_val=-2, max_val=0.5)', -0.3, -0.3, 1.0],
  ['Hardtanh(min_val=-2, max_val=0.5)', 1e-300, 1e-300, 1.0],
  ['Hardtanh(min_val=-2, max_val=0.5)', -1000.0, -2.0, 0.0],
  ['Hardtanh(min_val=-2, max_val=0.5)', 1000.0, 0.5, 0.0],
  ['Threshold', 0.0, 0.0, 0.0],
  ['Threshold', -1e-9, 0.0, 0.0],
  ['Threshold', 1e-9, 1e-9, 1.0],
  ['Threshold', -0.0, 0.0, 0.0],
  ['Threshold', 1.0, 1.0, 1.0],
  ['Threshold', -1.0, 0.0, 0.0],
  ['Threshold', 2.5, 2.5, 1.0],
  ['Threshold', -3.0, 0.0, 0.0],
  ['Threshold', 7.0, 7.0, 1.0],
  ['Threshold', -0.3, 0.0, 0.0],
  ['Threshold', 1e-300, 1e-300, 1.0],
  ['Threshold', -1000.0, 0.0, 0.0],
  ['Threshold', 1000.0, 1000.0, 1.0],
  ['Threshold(threshold=1, value=2)', 1.0, 2.0, 0.0],
  ['Threshold(threshold=1, value=2)', 0.999999999, 2.0, 0.0],
  ['Threshold(threshold=1, value=2)', 1.000000001, 1.000000001, 1.0],
  ['Threshold(threshold=1, value=2)', 0.0, 2.0, 0.0],
  ['Threshold(threshold=1, value=2)', -0.0, 2.0, 0.0],
  ['Threshold(threshold=1, value=2)', -1.0, 2.0, 0.0],
  ['Threshold(threshold=1, value=2)', 2.5, 2.5, 1.0],
  ['Threshold(threshold=1, value=2)', -3.0, 2.0, 0.0],
  ['Threshold(threshold=1, value=2)', 7.0, 7.0, 1.0],
  ['Threshold(threshold=1, value=2)', -0.3, 2.0, 0.0],
  ['Threshold(threshold=1, value=2)', 1e-300, 2.0, 0.0],
  ['Threshold(threshold=1, value=2)', -1000.0, 2.0, 0.0],
  ['Threshold(threshold=1, value=2)', 1000.0, 1000.0, 1.0],
  ['Threshold(threshold=-1, value=-1)', -1.0, -1.0, 0.0],
  ['Threshold(threshold=-1, value=-1)', -1.000000001, -1.0, 0.0],
  ['Threshold(threshold=-1, value=-1)', -0.999999999, -0.999999999, 1.0],
  ['Threshold(threshold=-1, value=-1)', 0.0, 0.0, 1.0],
  ['Threshold(threshold=-1, value=-1)', -0.0, -0.0, 1.0],
  ['Threshold(threshold=-1, value=-1)', 1.0, 1.0, 1.0],
  ['Threshold(threshold=-1, value=-1)', 2.5, 2.5, 1.0],
  ['Threshold(threshold=-1, value=-1)', -3.0, -1.0, 0.0],
  ['Threshold(threshold=-1, value=-1)', 7.0, 7.0, 1.0],
  ['Threshold(threshold=-1, value=-1)', -0.3, -0.3, 1.0],
  ['Threshold(threshold=-1, value=-1)', 1e-300, 1e-300, 1.0],
  ['Threshold(threshold=-1, value=-1)', -1000.0, -1.0, 0.0],
  ['Threshold(threshold=-1, value=-1)', 1000.0, 1000.0, 1.0],
  ['Identity', 0.0, 0.0, 1.0],
  ['Identity', -0.0, -0.0, 1.0],
  ['Identity', 1.0, 1.0, 1.0],
  ['Identity', -1.0, -1.0, 1.0],
  ['Identity', 2.5, 2.5, 1.0],
  ['Identity', -3.0, -3.0, 1.0],
  ['Identity', 7.0, 7.0, 1.0],
  ['Identity', -0.3, -0.3, 1.0],
  ['Identity', 1e-300, 1e-300, 1.0],
  ['Identity', -1000.0, -1000.0, 1.0],
  ['Identity', 1000.0, 1000.0, 1.0],
  ['Maxout', 0.0, 0.0, 0.5],
  ['Maxout', -1e-9, 0.0, 0.0],
  ['Maxout', 1e-9, 1e-9, 1.0],
  ['Maxout', -0.0, 0.0, 0.5],
  ['Maxout', 1.0, 1.0, 1.0],
  ['Maxout', -1.0, 0.0, 0.0],
  ['Maxout', 2.5, 2.5, 1.0],
  ['Maxout', -3.0, 0.0, 0.0],
  ['Maxout', 7.0, 7.0, 1.0],
  ['Maxout', -0.3, 0.0, 0.0],
  ['Maxout', 1e-300, 1e-300, 1.0],
  ['Maxout', -1000.0, 0.0, 0.0],
  ['Maxout', 1000.0, 1000.0, 1.0],
  ['Maxout(w1=2, b1=1, w2=-1, b2=0.5)', -0.16666666666666666, 0.6666666666666667, 2.0],
  ['Maxout(w1=2, b1=1, w2=-1, b2=0.5)', -0.16666666766666666, 0.6666666676666666, -1.0],
  ['Maxout(w1=2, b1=1, w2=-1, b2=0.5)', -0.16666666566666666, 0.6666666686666667, 2.0],
  ['Maxout(w1=2, b1=1, w2=-1, b2=0.5)', 0.0, 1.0, 2.0],
  ['Maxout(w1=2, b1=1, w2=-1, b2=0.5)', -0.0, 1.0, 2.0],
  ['Maxout(w1=2, b1=1, w2=-1, b2=0.5)', 1.0, 3.0, 2.0],
  ['Maxout(w1=2, b1=1, w2=-1, b2=0.5)', -1.0, 1.5, -1.0],
  ['Maxout(w1=2, b1=1, w2=-1, b2=0.5)', 2.5, 6.0, 2.0],
  ['Maxout(w1=2, b1=1, w2=-1, b2=0.5)', -3.0, 3.5, -1.0],
  ['Maxout(w1=2, b1=1, w2=-1, b2=0.5)', 7.0, 15.0, 2.0],
  ['Maxout(w1=2, b1=1, w2=-1, b2=0.5)', -0.3, 0.8, -1.0],
  ['Maxout(w1=2, b1=1, w2=-1, b2=0.5)', 1e-300, 1.0, 2.0],
  ['Maxout(w1=2, b1=1, w2=-1, b2=0.5)', -1000.0, 1000.5, -1.0],
  ['Maxout(w1=2, b1=1, w2=-1, b2=0.5)', 1000.0, 2001.0, 2.0],
  ['Maxout(w1=0.5, b1=-1, w2=3, b2=2)', -1.2, -1.5999999999999996, 3.0],
  ['Maxout(w1=0.5, b1=-1, w2=3, b2=2)', -1.200000001, -1.6000000005000001, 0.5],
  ['Maxout(w1=0.5, b1=-1, w2=3, b2=2)', -1.1999999989999999, -1.5999999969999994, 3.0],
  ['Maxout(w1=0.5, b1=-1, w2=3, b2=2)', 0.0, 2.0, 3.0],
  ['Maxout(w1=0.5, b1=-1, w2=3, b2=2)', -0.0, 2.0, 3.0],
  ['Maxout(w1=0.5, b1=-1, w2=3, b2=2)', 1.0, 5.0, 3.0],
  ['Maxout(w1=0.5, b1=-1, w2=3, b2=2)', -1.0, -1.0, 3.0],
  ['Maxout(w1=0.5, b1=-1, w2=3, b2=2)', 2.5, 9.5, 3.0],
  ['Maxout(w1=0.5, b1=-1, w2=3, b2=2)', -3.0, -2.5, 0.5],
  ['Maxout(w1=0.5, b1=-1, w2=3, b2=2)', 7.0, 23.0, 3.0],
  ['Maxout(w1=0.5, b1=-1, w2=3, b2=2)', -0.3, 1.1, 3.0],
  ['Maxout(w1=0.5, b1=-1, w2=3, b2=2)', 1e-300, 2.0, 3.0],
  ['Maxout(w1=0.5, b1=-1, w2=3, b2=2)', -1000.0, -501.0, 0.5],
  ['Maxout(w1=0.5, b1=-1, w2=3, b2=2)', 1000.0, 3002.0, 3.0],
  ['Hardsigmoid', -3.0, 0.0, 0.0],
  ['Hardsigmoid', -3.000000001, 0.0, 0.0],
  ['Hardsigmoid', -2.999999999, 1.666666804567285e-10, 1 / 6], // torch: 0.1666666716337204, 1/6 rounded to float32
  ['Hardsigmoid', 3.0, 1.0, 0.0],
  ['Hardsigmoid', 2.999999999, 0.9999999998333333, 1 / 6], // torch: 0.1666666716337204, 1/6 rounded to float32
  ['Hardsigmoid', 3.000000001, 1.0, 0.0],
  ['Hardsigmoid', 0.0, 0.5, 1 / 6], // torch: 0.1666666716337204, 1/6 rounded to float32
  ['Hardsigmoid', -0.0, 0.5, 1 / 6], // torch: 0.1666666716337204, 1/6 rounded to float32
  ['Hardsigmoid', 1.0, 0.6666666666666666, 1 / 6], // torch: 0.1666666716337204, 1/6 rounded to float32
  ['Hardsigmoid', -1.0, 0.3333333333333333, 1 / 6], // torch: 0.1666666716337204, 1/6 rounded to float32
  ['Hardsigmoid', 2.5, 0.9166666666666666, 1 / 6], // torch: 0.1666666716337204, 1/6 rounded to float32
  ['Hardsigmoid', 7.0, 1.0, 0.0],
  ['Hardsigmoid', -0.3, 0.45, 1 / 6], // torch: 0.1666666716337204, 1/6 rounded to float32
  ['Hardsigmoid', 1e-300, 0.5, 1 / 6], // torch: 0.1666666716337204, 1/6 rounded to float32
  ['Hardsigmoid', -1000.0, 0.0, 0.0],
  ['Hardsigmoid', 1000.0, 1.0, 0.0],
  ['Hardswish', -3.0, -0.0, -0.5],
  ['Hardswish', -3.000000001, -0.0, 0.0],
  ['Hardswish', -2.999999999, -5.000000412035188e-10, -0.49999999966666664],
  ['Hardswish', 3.0, 3.0, 1.5],
  ['Hardswish', 2.999999999, 2.9999999985, 1.4999999996666666],
  ['Hardswish', 3.000000001, 3.000000001, 1.0],
  ['Hardswish', 0.0, 0.0, 0.5],
  ['Hardswish', -0.0, -0.0, 0.5],
  ['Hardswish', 1.0, 0.6666666666666666, 0.8333333333333333],
  ['Hardswish', -1.0, -0.3333333333333333, 0.16666666666666669],
  ['Hardswish', 2.5, 2.2916666666666665, 1.3333333333333335],
  ['Hardswish', 7.0, 7.0, 1.0],
  ['Hardswish', -0.3, -0.135, 0.4],
  ['Hardswish', 1e-300, 5e-301, 0.5],
  ['Hardswish', -1000.0, -0.0, 0.0],
  ['Hardswish', 1000.0, 1000.0, 1.0],
  ['Softshrink', -0.5, 0.0, 0.0],
  ['Softshrink', -0.500000001, -9.999999717180685e-10, 1.0],
  ['Softshrink', -0.499999999, 0.0, 0.0],
  ['Softshrink', 0.5, 0.0, 0.0],
  ['Softshrink', 0.499999999, 0.0, 0.0],
  ['Softshrink', 0.500000001, 9.999999717180685e-10, 1.0],
  ['Softshrink', 0.0, 0.0, 0.0],
  ['Softshrink', -0.0, 0.0, 0.0],
  ['Softshrink', 1.0, 0.5, 1.0],
  ['Softshrink', -1.0, -0.5, 1.0],
  ['Softshrink', 2.5, 2.0, 1.0],
  ['Softshrink', -3.0, -2.5, 1.0],
  ['Softshrink', 7.0, 6.5, 1.0],
  ['Softshrink', -0.3, 0.0, 0.0],
  ['Softshrink', 1e-300, 0.0, 0.0],
  ['Softshrink', -1000.0, -999.5, 1.0],
  ['Softshrink', 1000.0, 999.5, 1.0],
  ['Softshrink(lambd=0)', 0.0, 0.0, 0.0],
  ['Softshrink(lambd=0)', -1e-9, -1e-9, 1.0],
  ['Softshrink(lambd=0)', 1e-9, 1e-9, 1.0],
  ['Softshrink(lambd=0)', -0.0, 0.0, 0.0],
  ['Softshrink(lambd=0)', 1.0, 1.0, 1.0],
  ['Softshrink(lambd=0)', -1.0, -1.0, 1.0],
  ['Softshrink(lambd=0)', 2.5, 2.5, 1.0],
  ['Softshrink(lambd=0)', -3.0, -3.0, 1.0],
  ['Softshrink(lambd=0)', 7.0, 7.0, 1.0],
  ['Softshrink(lambd=0)', -0.3, -0.3, 1.0],
  ['Softshrink(lambd=0)', 1e-300, 1e-300, 1.0],
  ['Softshrink(lambd=0)', -1000.0, -1000.0, 1.0],
  ['Softshrink(lambd=0)', 1000.0, 1000.0, 1.0],
  ['Softshrink(lambd=2)', -2.0, 0.0, 0.0],
  ['Softshrink(lambd=2)', -2.000000001, -1.000000082740371e-9, 1.0],
  ['Softshrink(lambd=2)', -1.999999999, 0.0, 0.0],
  ['Softshrink(lambd=2)', 2.0, 0.0, 0.0],
  ['Softshrink(lambd=2)', 1.999999999, 0.0, 0.0],
  ['Softshrink(lambd=2)', 2.000000001, 1.000000082740371e-9, 1.0],
  ['Softshrink(lambd=2)', 0.0, 0.0, 0.0],
  ['Softshrink(lambd=2)', -0.0, 0.0, 0.0],
  ['Softshrink(lambd=2)', 1.0, 0.0, 0.0],
  ['Softshrink(lambd=2)', -1.0, 0.0, 0.0],
  ['Softshrink(lambd=2)', 2.5, 0.5, 1.0],
  ['Softshrink(lambd=2)', -3.0, -1.0, 1.0],
  ['Softshrink(lambd=2)', 7.0, 5.0, 1.0],
  ['Softshrink(lambd=2)', -0.3, 0.0, 0.0],
  ['Softshrink(lambd=2)', 1e-300, 0.0, 0.0],
  ['Softshrink(lambd=2)', -1000.0, -998.0, 1.0],
  ['Softshrink(lambd=2)', 1000.0, 998.0, 1.0],
  ['Hardshrink', -0.5, 0.0, 0.0],
  ['Hardshrink', -0.500000001, -0.500000001, 1.0],
  ['Hardshrink', -0.499999999, 0.0, 0.0],
  ['Hardshrink', 0.5, 0.0, 0.0],
  ['Hardshrink', 0.499999999, 0.0, 0.0],
  ['Hardshrink', 0.500000001, 0.500000001, 1.0],
  ['Hardshrink', 0.0, 0.0, 0.0],
  ['Hardshrink', -0.0, 0.0, 0.0],
  ['Hardshrink', 1.0, 1.0, 1.0],
  ['Hardshrink', -1.0, -1.0, 1.0],
  ['Hardshrink', 2.5, 2.5, 1.0],
  ['Hardshrink', -3.0, -3.0, 1.0],
  ['Hardshrink', 7.0, 7.0, 1.0],
  ['Hardshrink', -0.3, 0.0, 0.0],
  ['Hardshrink', 1e-300, 0.0, 0.0],
  ['Hardshrink', -1000.0, -1000.0, 1.0],
  ['Hardshrink', 1000.0, 1000.0, 1.0],
  ['Hardshrink(lambd=0)', 0.0, 0.0, 0.0],
  ['Hardshrink(lambd=0)', -1e-9, -1e-9, 1.0],
  ['Hardshrink(lambd=0)', 1e-9, 1e-9, 1.0],
  ['Hardshrink(lambd=0)', -0.0, 0.0, 0.0],
  ['Hardshrink(lambd=0)', 1.0, 1.0, 1.0],
  ['Hardshrink(lambd=0)', -1.0, -1.0, 1.0],
  ['Hardshrink(lambd=0)', 2.5, 2.5, 1.0],
  ['Hardshrink(lambd=0)', -3.0, -3.0, 1.0],
  ['Hardshrink(lambd=0)', 7.0, 7.0, 1.0],
  ['Hardshrink(lambd=0)', -0.3, -0.3, 1.0],
  ['Hardshrink(lambd=0)', 1e-300, 1e-300, 1.0],
  ['Hardshrink(lambd=0)', -1000.0, -1000.0, 1.0],
  ['Hardshrink(lambd=0)', 1000.0, 1000.0, 1.0],
  ['Hardshrink(lambd=1.5)', -1.5, 0.0, 0.0],
  ['Hardshrink(lambd=1.5)', -1.500000001, -1.500000001, 1.0],
  ['Hardshrink(lambd=1.5)', -1.499999999, 0.0, 0.0],
  ['Hardshrink(lambd=1.5)', 1.5, 0.0, 0.0],
  ['Hardshrink(lambd=1.5)', 1.499999999, 0.0, 0.0],
  ['Hardshrink(lambd=1.5)', 1.500000001, 1.500000001, 1.0],
  ['Hardshrink(lambd=1.5)', 0.0, 0.0, 0.0],
  ['Hardshrink(lambd=1.5)', -0.0, 0.0, 0.0],
  ['Hardshrink(lambd=1.5)', 1.0, 0.0, 0.0],
  ['Hardshrink(lambd=1.5)', -1.0, 0.0, 0.0],
  ['Hardshrink(lambd=1.5)', 2.5, 2.5, 1.0],
  ['Hardshrink(lambd=1.5)', -3.0, -3.0, 1.0],
  ['Hardshrink(lambd=1.5)', 7.0, 7.0, 1.0],
  ['Hardshrink(lambd=1.5)', -0.3, 0.0, 0.0],
  ['Hardshrink(lambd=1.5)', 1e-300, 0.0, 0.0],
  ['Hardshrink(lambd=1.5)', -1000.0, -1000.0, 1.0],
  ['Hardshrink(lambd=1.5)', 1000.0, 1000.0, 1.0],
  ['SparsePlus', -1.0, 0.0, 0.0],
  ['SparsePlus', -1.000000001, 0.0, 0.0],
  ['SparsePlus', -0.999999999, 2.4999998585903447e-19, 4.999999858590343e-10],
  ['SparsePlus', 1.0, 1.0, 1.0],
  ['SparsePlus', 0.999999999, 0.9999999989999999, 0.9999999995],
  ['SparsePlus', 1.000000001, 1.000000001, 1.0],
  ['SparsePlus', 0.0, 0.25, 0.5],
  ['SparsePlus', -0.0, 0.25, 0.5],
  ['SparsePlus', 2.5, 2.5, 1.0],
  ['SparsePlus', -3.0, 0.0, 0.0],
  ['SparsePlus', 7.0, 7.0, 1.0],
  ['SparsePlus', -0.3, 0.12249999999999998, 0.35],
  ['SparsePlus', 1e-300, 0.25, 0.5],
  ['SparsePlus', -1000.0, 0.0, 0.0],
  ['SparsePlus', 1000.0, 1000.0, 1.0],
  ['SparseSigmoid', -1.0, 0.0, 0.0],
  ['SparseSigmoid', -1.000000001, 0.0, 0.0],
  ['SparseSigmoid', -0.999999999, 4.999999858590343e-10, 0.5],
  ['SparseSigmoid', 1.0, 1.0, 0.0],
  ['SparseSigmoid', 0.999999999, 0.9999999995, 0.5],
  ['SparseSigmoid', 1.000000001, 1.0, 0.0],
  ['SparseSigmoid', 0.0, 0.5, 0.5],
  ['SparseSigmoid', -0.0, 0.5, 0.5],
  ['SparseSigmoid', 2.5, 1.0, 0.0],
  ['SparseSigmoid', -3.0, 0.0, 0.0],
  ['SparseSigmoid', 7.0, 1.0, 0.0],
  ['SparseSigmoid', -0.3, 0.35, 0.5],
  ['SparseSigmoid', 1e-300, 0.5, 0.5],
  ['SparseSigmoid', -1000.0, 0.0, 0.0],
  ['SparseSigmoid', 1000.0, 1.0, 0.0],
];

const bySpec = new Map<string, (readonly [number, number, number])[]>();
for (const [spec, x, y, dy] of TORCH_POINTS) {
  if (!bySpec.has(spec)) bySpec.set(spec, []);
  bySpec.get(spec)!.push([x, y, dy]);
}

describe('piecewise entries agree with torch 1.13 float64 autograd', () => {
  for (const [spec, points] of bySpec) {
    it(spec, () => {
      const fn = resolveSpec(spec);
      const { y, dy } = fn.evaluate(points.map((p) => p[0]));
      points.forEach(([x, ty, tdy], i) => {
        // Zeros must match in sign (torch's forward passes); other values within 2 ulp (our
        // Hardswish′ is (2x+3)/6 where torch computes x/3 + 0.5).
        if (ty === 0) expect(Object.is(y[i], ty), `${spec} f(${x}) = ${y[i]}, torch ${ty}`).toBe(true);
        else expect(ulpDistance(y[i]!, ty), `${spec} f(${x}) = ${y[i]}, torch ${ty}`).toBeLessThanOrEqual(2);
        expect(ulpDistance(dy[i]!, tdy), `${spec} f′(${x}) = ${dy[i]}, torch ${tdy}`).toBeLessThanOrEqual(2);
      });
    });
  }
});

describe('kinks: listed with the value torch returns there and the one-sided derivatives', () => {
  for (const [spec, points] of bySpec) {
    it(spec, () => {
      const fn = resolveSpec(spec);
      const torchDy = (x: number): number => {
        const hit = points.find((p) => Object.is(p[0], x));
        if (!hit) throw new Error(`no torch point at ${x} for ${spec}`);
        return hit[2];
      };
      for (const k of fn.kinks) {
        expect(fn.pointwise!.df(k.x), `${spec}: the catalog returns kink.dy at ${k.x}`).toBe(k.dy);
        expect(k.dy, `${spec}: torch's f′(${k.x})`).toBe(torchDy(k.x) === 0.1666666716337204 ? 1 / 6 : torchDy(k.x));
        expect(Math.abs(torchDy(k.x - 1e-9) - k.left), `${spec}: f′ left of ${k.x}`).toBeLessThan(1e-8);
        expect(Math.abs(torchDy(k.x + 1e-9) - k.right), `${spec}: f′ right of ${k.x}`).toBeLessThan(1e-8);
      }
    });
  }

  it("meet the issue's conventions", () => {
    const df = (spec: string, x: number): number => resolveSpec(spec).pointwise!.df(x);
    // The values torch 1.13 float64 autograd gives (probed with /usr/bin/python3).
    expect(df('ReLU', 0)).toBe(0);
    expect(df('LeakyReLU', 0)).toBe(0.01);
    expect(df('LeakyReLU(negative_slope=0.2)', 0)).toBe(0.2);
    expect(df('PReLU', 0)).toBe(0.25);
    expect(df('RReLU', 0)).toBe(0.22916666666666666);
    expect(df('ReLU6', 0)).toBe(0);
    expect(df('ReLU6', 6)).toBe(0);
    expect(df('Hardtanh', -1)).toBe(0);
    expect(df('Hardtanh', 1)).toBe(0);
    expect(df('Hardsigmoid', -3)).toBe(0);
    expect(df('Hardsigmoid', 3)).toBe(0);
    expect(df('Hardswish', -3)).toBe(-0.5);
    // torch's scalar loop gives 1.5; its vectorized loop (elements in full chunks of 8) gives 1.0.
    expect(df('Hardswish', 3)).toBe(1.5);
    expect(df('Softshrink', 0.5)).toBe(0);
    expect(df('Hardshrink', -0.5)).toBe(0);
    expect(df('Threshold(threshold=1, value=2)', 1)).toBe(0);
    // torch.maximum splits a tie's gradient: (w1 + w2)/2.
    expect(df('Maxout', 0)).toBe(0.5);
    expect(df('Maxout(w1=2, b1=0, w2=3, b2=0)', 0)).toBe(2.5);
  });

  it('flag jumps of f, and only those', () => {
    const jumps = (spec: string): boolean[] => resolveSpec(spec).kinks.map((k) => k.jump);
    expect(jumps('Hardshrink')).toEqual([true, true]);
    expect(jumps('Hardshrink(lambd=1.5)')).toEqual([true, true]);
    expect(jumps('Hardshrink(lambd=0)')).toEqual([false]);
    expect(jumps('Threshold(threshold=1, value=2)')).toEqual([true]);
    expect(jumps('Threshold')).toEqual([false]);
    expect(jumps('Threshold(threshold=-1, value=-1)')).toEqual([false]);
    for (const spec of [
      'ReLU',
      'LeakyReLU',
      'PReLU',
      'RReLU',
      'ReLU6',
      'Hardtanh',
      'Maxout',
      'Hardsigmoid',
      'Hardswish',
      'Softshrink',
      'SparseSigmoid',
    ]) {
      expect(
        jumps(spec).every((j) => !j),
        spec,
      ).toBe(true);
    }
    // The jumps are real: torch's f differs by lambd (or value − threshold) across them.
    const hs = resolveSpec('Hardshrink').pointwise!;
    expect(hs.f(0.5 + 1e-9) - hs.f(0.5 - 1e-9)).toBeCloseTo(0.5, 8);
  });

  it('list no kinks for smooth or linear cases', () => {
    for (const spec of [
      'Identity',
      'SparsePlus',
      'LeakyReLU(negative_slope=1)',
      'Maxout(w1=2, b1=0, w2=2, b2=1)',
      'RReLU(mode=train)',
    ]) {
      expect(resolveSpec(spec).kinks, spec).toEqual([]);
    }
  });
});

describe('non-finite input', () => {
  // [spec, f(−∞), f′(−∞), f(+∞), f′(+∞)]: the limits. Torch agrees except where noted.
  const LIMITS: readonly (readonly [string, number, number, number, number])[] = [
    ['Identity', -Infinity, 1, Infinity, 1],
    ['ReLU', 0, 0, Infinity, 1],
    ['LeakyReLU', -Infinity, 0.01, Infinity, 1],
    ['LeakyReLU(negative_slope=0)', -0, 0, Infinity, 1], // torch: f(−∞) = −∞·0 = NaN
    ['LeakyReLU(negative_slope=-2)', Infinity, -2, Infinity, 1],
    ['PReLU', -Infinity, 0.25, Infinity, 1],
    ['RReLU', -Infinity, 0.22916666666666666, Infinity, 1],
    ['RReLU(lower=0, upper=0)', -0, 0, Infinity, 1], // torch: NaN
    ['ReLU6', 0, 0, 6, 0],
    ['Hardtanh', -1, 0, 1, 0],
    ['Threshold', 0, 0, Infinity, 1],
    ['Threshold(threshold=1, value=2)', 2, 0, Infinity, 1],
    ['Maxout', 0, 0, Infinity, 1], // torch: 0·∞ = NaN in the second piece
    ['Maxout(w1=-1, b1=0, w2=-2, b2=1)', Infinity, -2, -Infinity, -1],
    ['Hardsigmoid', 0, 0, 1, 0],
    ['Hardswish', -0, 0, Infinity, 1], // torch: f(−∞) = −∞·0 = NaN
    ['Softshrink', -Infinity, 1, Infinity, 1],
    ['Hardshrink', -Infinity, 1, Infinity, 1],
    ['SparsePlus', 0, 0, Infinity, 1],
    ['SparseSigmoid', 0, 0, 1, 0],
  ];
  it.each(LIMITS)('%s tends to its limits at ±∞', (spec, fMinus, dfMinus, fPlus, dfPlus) => {
    const { y, dy } = resolveSpec(spec).evaluate([-Infinity, Infinity]);
    expect([y[0], dy[0], y[1], dy[1]]).toEqual([fMinus, dfMinus, fPlus, dfPlus]);
    expect(Object.is(y[0], fMinus), `${spec} f(−∞) sign`).toBe(true);
  });

  it('NaN gives NaN for f, f′ and f″ of every piecewise entry', () => {
    // torch returns numbers here: ReLU′(NaN) = 1, LeakyReLU′(NaN) = 0.01, Softshrink(NaN) = 0, ...
    for (const spec of LIMITS.map((l) => l[0]).concat([
      'RReLU(mode=train, seed=5)',
      'Softshrink(lambd=0)',
      'Hardshrink(lambd=0)',
    ])) {
      const k = resolveSpec(spec).pointwise!;
      expect([k.f(NaN), k.df(NaN), k.d2!(NaN)], spec).toEqual([NaN, NaN, NaN]);
    }
  });
});

describe('second derivatives', () => {
  it('are 0 away from the corners of the piecewise-linear entries', () => {
    for (const spec of [
      'Identity',
      'ReLU',
      'LeakyReLU',
      'PReLU',
      'RReLU',
      'ReLU6',
      'Hardtanh',
      'Threshold',
      'Maxout',
      'Hardsigmoid',
      'Softshrink',
      'Hardshrink',
      'SparseSigmoid',
    ]) {
      const d2 = resolveSpec(spec).pointwise!.d2!;
      for (const x of [-7, -2, -0.3, 0.7, 2, 7]) expect(d2(x), `${spec} f″(${x})`).toBe(0);
    }
  });
  it('are 1/2 inside SparsePlus and 1/3 inside Hardswish, 0 at their boundaries (torch 1.13 double backward)', () => {
    // torch: SparsePlus (where-form) f″(−1, 0, 1) = 0, 0.5, 0; Hardswish f″(−3, −2, 0, 3, 4) = 0, 1/3, 1/3, 0, 0.
    const sp = resolveSpec('SparsePlus').pointwise!.d2!;
    expect([sp(-2), sp(-1), sp(-0.5), sp(0), sp(0.9), sp(1), sp(2)]).toEqual([0, 0, 0.5, 0.5, 0.5, 0, 0]);
    const hw = resolveSpec('Hardswish').pointwise!.d2!;
    expect([hw(-4), hw(-3), hw(-2), hw(0), hw(2.5), hw(3), hw(4)]).toEqual([0, 0, 1 / 3, 1 / 3, 1 / 3, 0, 0]);
  });
});

describe('accuracy where torch rounds twice', () => {
  it('Hardswish′ keeps its digits near its root x = −1.5 (exact: (2x+3)/6)', () => {
    const df = resolveSpec('Hardswish').pointwise!.df;
    // x = −1.5 + 2^−40: f′ = 2^−39/6 = 3.0316490059097606e-13 (mpmath, rounded); torch 1.13's x/3 + 0.5 gives 3.03146396873899e-13.
    expect(df(-1.5 + 2 ** -40)).toBe(3.0316490059097606e-13);
  });
});

describe('Maxout next to a crossing that is not a double', () => {
  // Maxout(w1=1, b1=0, w2=0.25, b2=-1): the pieces cross at −4/3. torch 1.13 compares the rounded
  // pieces: f′ = 0.625 (a tie) both at x* = −1.3333333333333333 = (b2 − b1)/(w1 − w2) and at the
  // double below, −1.3333333333333335, where exactly x < −4/3 and the slope is 0.25.
  const fn = resolveSpec('Maxout(w1=1, b1=0, w2=0.25, b2=-1)');
  it("lists the corner at x* with torch's value there", () => {
    expect(fn.kinks).toEqual([{ x: -1.3333333333333333, left: 0.25, right: 1, dy: 0.625, jump: false }]);
    expect(fn.pointwise!.df(-1.3333333333333333)).toBe(0.625);
  });
  it('returns the exact slope at the other doubles, where torch reports a false tie', () => {
    expect(fn.pointwise!.df(-1.3333333333333335)).toBe(0.25);
    expect(fn.pointwise!.df(-1.333333333333333)).toBe(1);
  });
  it('compares exactly at subnormal x too (torch 1.13: both pieces round to 1e-323, a false tie, f′ = 1.9268039340007168)', () => {
    // Exactly, 2x > 1.8536078680014336x for x = 5e-324 > 0: the slope is 2.
    expect(resolveSpec('Maxout(w1=2, b1=0, w2=1.8536078680014336, b2=0)').pointwise!.df(5e-324)).toBe(2);
  });
  it('keeps the right piece at ±1.7976931348623157e308 (torch: f = −4.4942328371557893e307, f′ = 0.25; f′(max) = 1)', () => {
    const { y, dy } = fn.evaluate([-Number.MAX_VALUE, Number.MAX_VALUE]);
    expect(Array.from(y)).toEqual([-4.4942328371557893e307, Number.MAX_VALUE]);
    expect(Array.from(dy)).toEqual([0.25, 1]);
  });
});

describe('RReLU training mode', () => {
  const xs = Array.from({ length: 2001 }, (_, i) => -10 + i / 100);

  it('is reproducible: the same spec gives the same values', () => {
    const a = resolveSpec('RReLU(mode=train, seed=7)').evaluate(xs);
    const b = resolveSpec('RReLU(mode=train, seed=7)').evaluate(xs);
    expect(a.y).toEqual(b.y);
    expect(a.dy).toEqual(b.dy);
    const c = resolveSpec('RReLU(mode=train, seed=8)').evaluate(xs);
    expect(c.dy).not.toEqual(a.dy);
  });

  it('draws slopes in [lower, upper] for x ≤ 0, averaging (lower + upper)/2, and f = slope·x', () => {
    const { y, dy } = resolveSpec('RReLU(lower=0.1, upper=0.3, mode=train, seed=1)').evaluate(xs);
    let sum = 0;
    let count = 0;
    xs.forEach((x, i) => {
      if (x > 0) {
        expect([y[i], dy[i]]).toEqual([x, 1]);
        return;
      }
      expect(dy[i]).toBeGreaterThanOrEqual(0.1);
      expect(dy[i]).toBeLessThanOrEqual(0.3);
      expect(y[i]).toBe(x * dy[i]!);
      sum += dy[i]!;
      count++;
    });
    expect(sum / count).toBeGreaterThan(0.19);
    expect(sum / count).toBeLessThan(0.21);
  });

  it('is plain LeakyReLU when lower = upper', () => {
    const { dy } = resolveSpec('RReLU(lower=0.2, upper=0.2, mode=train)').evaluate([-3, -1e-300, 0]);
    expect(Array.from(dy)).toEqual([0.2, 0.2, 0.2]);
  });
});

describe('parameter validation', () => {
  it('rejects RReLU lower > upper, naming both', () => {
    expect(() => resolveSpec('RReLU(lower=0.5, upper=0.25)')).toThrow(UsageError);
    expect(() => resolveSpec('RReLU(lower=0.5, upper=0.25)')).toThrow(/lower=0\.5.*upper=0\.25/);
    expect(() => resolveSpec('RReLU(lower=0.3, upper=0.3)')).not.toThrow();
    expect(() => resolveSpec('RReLU(lower=-0.1)')).toThrow(/lower=-0\.1 is out of range/);
    expect(() => resolveSpec('RReLU(seed=1.5)')).toThrow(/seed.*integer/);
    expect(() => resolveSpec('RReLU(mode=test)')).toThrow(/eval, train/);
  });
  it('rejects Hardtanh min_val ≥ max_val, naming both', () => {
    expect(() => resolveSpec('Hardtanh(min_val=1, max_val=1)')).toThrow(UsageError);
    expect(() => resolveSpec('Hardtanh(min_val=2)')).toThrow(/min_val=2 must be less than max_val=1/);
    expect(() => resolveSpec('hard_tanh:min_val=-0.5,max_val=0.5')).not.toThrow();
  });
  it('rejects negative lambd and non-finite numbers', () => {
    expect(() => resolveSpec('Softshrink(lambd=-1)')).toThrow(/0 ≤ lambd/);
    expect(() => resolveSpec('Hardshrink(lambd=-0.5)')).toThrow(UsageError);
    expect(() => resolveSpec('LeakyReLU(negative_slope=inf)')).toThrow(UsageError);
    expect(() => resolveSpec('Maxout(w1=nan)')).toThrow(UsageError);
  });
});

describe('catalog metadata', () => {
  const names = [
    'Identity',
    'ReLU',
    'LeakyReLU',
    'PReLU',
    'RReLU',
    'ReLU6',
    'Hardtanh',
    'Threshold',
    'Maxout',
    'Hardsigmoid',
    'Hardswish',
    'Softshrink',
    'Hardshrink',
    'SparsePlus',
    'SparseSigmoid',
  ];
  it('has every field filled in', () => {
    for (const name of names) {
      const e = findEntry(name)!;
      expect(e.name).toBe(name);
      for (const text of [e.summary, e.formula.f, e.formula.df, e.usage, e.equivalents.torch])
        expect(text.length, name).toBeGreaterThan(0);
      for (const p of e.params) expect(p.description.length, `${name} ${p.name}`).toBeGreaterThan(0);
    }
  });
  it('finds the JAX and Keras names', () => {
    const alias: Record<string, string> = {
      linear: 'Identity',
      leaky_relu: 'LeakyReLU',
      hard_tanh: 'Hardtanh',
      hard_sigmoid: 'Hardsigmoid',
      hard_swish: 'Hardswish',
      hard_silu: 'Hardswish',
      soft_shrink: 'Softshrink',
      hard_shrink: 'Hardshrink',
      sparse_plus: 'SparsePlus',
      sparse_sigmoid: 'SparseSigmoid',
      relu6: 'ReLU6',
    };
    for (const [a, name] of Object.entries(alias)) expect(findEntry(a)?.name, a).toBe(name);
  });
  it('records the library differences', () => {
    const notes = (name: string): string => (findEntry(name)!.equivalents.notes ?? []).join(' ');
    expect(notes('Hardsigmoid')).toMatch(/clip\(0\.2·x \+ 0\.5, 0, 1\)/);
    expect(notes('LeakyReLU')).toMatch(/0\.2/);
    expect(findEntry('Hardtanh')!.equivalents.jax).toBe('jax.nn.hard_tanh');
    expect(findEntry('Threshold')!.equivalents.keras).toMatch(/keras\.activations\.threshold/);
  });
});
