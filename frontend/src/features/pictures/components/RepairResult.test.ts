import { doneGeneration, parameters } from '../../../testing/fixtures';
import { repairSummary } from './RepairResult';

function fixed(scanReport: Partial<NonNullable<ReturnType<typeof doneGeneration>['scanReport']>>) {
  const generation = doneGeneration('fix000001', parameters());
  return { ...generation, kind: 'repair' as const, scanReport: { ...generation.scanReport!, ...scanReport } };
}

describe('repairSummary', () => {
  it('names the share of the picture changed and the border added around it', () => {
    expect(repairSummary(fixed({ pixelsChangedShare: 0.064, borderPixels: 14 }))).toBe(
      'Changed 6.4% of the picture and added a 14 px light border around it; now reads on phones.',
    );
  });

  it('says nothing of a border when none was added, or in reports from before borders were reported', () => {
    expect(repairSummary(fixed({ borderPixels: 0 }))).toBe('Changed 12% of the picture; now reads on phones.');
    expect(repairSummary(fixed({ borderPixels: null }))).toBe('Changed 12% of the picture; now reads on phones.');
  });

  it('is honest when the target was not met', () => {
    expect(repairSummary(fixed({ robustnessTargetMet: false }))).toMatch(/reads up close; it may fail from far away/);
  });
});
