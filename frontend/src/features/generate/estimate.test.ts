import { doneGeneration, parameters } from '../../testing/fixtures';
import { expectedSeconds, secondsPerStep, shownProgress } from './estimate';

describe('the progress estimate', () => {
  it('learns seconds per step from finished generations (median)', () => {
    // 6 s for floor(30 * 0.9) = 27 steps.
    const recent = [doneGeneration('a', parameters()), doneGeneration('b', parameters()), doneGeneration('c', parameters({ steps: 10, strength: 1 }))];
    expect(secondsPerStep(recent, 9)).toBeCloseTo(6 / 27, 5);
    expect(secondsPerStep([], 0.5)).toBe(0.5);
  });

  it('scales with steps and candidates', () => {
    expect(expectedSeconds(parameters({ steps: 10, strength: 1, candidates: 4 }), 0.5)).toBe(20);
  });

  it('never claims done before the gateway does, and never goes back', () => {
    expect(shownProgress(0.05, 100, 10)).toBe(0.95);
    expect(shownProgress(0.8, 1, 10)).toBe(0.8);
  });
});
