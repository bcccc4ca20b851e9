import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { doneGeneration, parameters } from '../testing/fixtures';
import { ScanBadge } from './ScanBadge';

const report = doneGeneration('g1', parameters()).scanReport!;

describe('ScanBadge', () => {
  it('says how robust a code is against a plain one when it meets its target', () => {
    render(<ScanBadge report={report} />);
    expect(screen.getByLabelText('Scan report: Scans · 97% as robust as a plain code · repaired')).toBeInTheDocument();
  });

  it('is honest when a code scans but falls short of its strength', () => {
    render(<ScanBadge report={{ ...report, robustnessTargetMet: false, relativeRobustness: 0.81 }} />);
    expect(screen.getByLabelText('Scan report: Scans up close · may fail from far away')).toBeInTheDocument();
  });

  it('reads records made before strengths existed as they were', () => {
    const old = { ...report, scanStrength: null, plainRobustness: null, relativeRobustness: null, robustnessTarget: null, robustnessTargetMet: null };
    render(<ScanBadge report={old} />);
    expect(screen.getByLabelText('Scan report: Scans · 93% robust · repaired')).toBeInTheDocument();
  });
});
