/**
 * What a layer of f needs at initialization: our gain g = 1/√E[f(z)²], z ~ N(0, 1), beside
 * torch.nn.init.calculate_gain's where the catalog entry declares one, and χ₁ at that gain.
 */
import type { ActivationFn } from '../types.js';
import { moments, type Moments } from './moments.js';

export interface TorchGainValue {
  /** e.g. `calculate_gain('leaky_relu', 0.2)`. */
  readonly call: string;
  readonly value: number;
}

export function torchGainOf(fn: ActivationFn): TorchGainValue | undefined {
  const tg = fn.entry?.equivalents.torchGain;
  return tg ? { call: tg.call(fn.params), value: tg.value(fn.params) } : undefined;
}

export interface GainStats extends Moments {
  readonly torchGain?: TorchGainValue;
  /** Our gain minus torch's. */
  readonly gainDifference?: number;
  /**
   * χ₁ with weights at our gain (σw² = g², σb² = 0): q = the input variance is then a fixed point
   * of the length map, and χ₁ = E[f′²]/E[f²] says whether gradients still vanish or explode.
   */
  readonly chi1AtGain: number;
  /** E[f] = μ and Var[f] = q to 1e−12: f keeps N(μ, q), as SELU keeps N(0, 1) (self-normalizing). */
  readonly keepsInput: boolean;
}

const KEEPS = 1e-12;

export function gainStats(fn: ActivationFn, mean = 0, variance = 1): GainStats {
  const m = moments(fn, mean, variance);
  const torch = torchGainOf(fn);
  const sd = Math.sqrt(variance);
  const keepsInput =
    Math.abs(m.expectedF - mean) <= KEEPS * Math.max(sd, Math.abs(mean)) &&
    Math.abs(m.varianceF - variance) <= KEEPS * variance;
  return {
    ...m,
    ...(torch ? { torchGain: torch, gainDifference: m.gain - torch.value } : {}),
    chi1AtGain: m.expectedDf2 / m.expectedF2,
    keepsInput,
  };
}
