import type { Generation, Parameters } from '../../types/api';

/** Work a generation asks for, in denoising steps actually run. */
function workSteps(p: Parameters): number {
  return Math.max(1, Math.floor(p.steps * p.strength)) * Math.max(1, p.candidates);
}

/**
 * Seconds per step, as the median over earlier generations this service finished (the gallery),
 * or the configured fallback when there are none.
 */
export function secondsPerStep(recent: Generation[], fallback: number): number {
  const rates = recent
    .filter((g) => g.status === 'done')
    .map((g) => (Date.parse(g.updatedAt) - Date.parse(g.createdAt)) / 1000 / workSteps(g.parameters))
    .filter((rate) => Number.isFinite(rate) && rate > 0)
    .sort((a, b) => a - b);
  return rates.length === 0 ? fallback : rates[Math.floor(rates.length / 2)];
}

export function expectedSeconds(p: Parameters, perStep: number): number {
  return workSteps(p) * perStep;
}

/** Shown progress: the gateway's milestones, filled in between by elapsed time, never claiming done. */
export function shownProgress(serverProgress: number, elapsedSeconds: number, expected: number): number {
  const byTime = expected > 0 ? Math.min(0.95, elapsedSeconds / expected) : 0;
  return Math.max(serverProgress, byTime);
}
