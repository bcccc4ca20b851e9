import { fireEvent, render, screen } from '@testing-library/react';
import { doneGeneration, parameters } from '../../../testing/fixtures';
import type { ScanReport } from '../../../types/api';
import { RepairResult, repairSummary } from './RepairResult';

function fixed(scanReport: Partial<ScanReport>) {
  const generation = doneGeneration('fix000001', parameters());
  return {
    ...generation,
    kind: 'repair' as const,
    sourceUrl: '/api/v1/images/fix000001_source.png',
    scanReport: { ...generation.scanReport!, ...scanReport },
  };
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

describe('RepairResult', () => {
  function loadBefore(width: number, height: number) {
    const before = screen.getByRole('img', { name: /before the repair/i });
    Object.defineProperty(before, 'naturalWidth', { value: width });
    Object.defineProperty(before, 'naturalHeight', { value: height });
    fireEvent.load(before);
  }

  it('insets the picture by the border the repair added, so before and after line up', () => {
    render(<RepairResult generation={fixed({ borderPixels: 10 })} />);
    loadBefore(180, 180);
    expect(screen.getByTestId('before-inset')).toHaveStyle({ padding: '5%' });
  });

  it('shows the picture edge to edge when no border was added', () => {
    render(<RepairResult generation={fixed({ borderPixels: 0 })} />);
    loadBefore(180, 180);
    expect(screen.getByTestId('before-inset')).toHaveStyle({ padding: '0px' });
  });
});
