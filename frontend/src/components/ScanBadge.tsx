import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import VerifiedIcon from '@mui/icons-material/Verified';
import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import type { ScanReport } from '../types/api';

/** Robustness as a share of a plain code's (older records without it: the suite's raw score). */
export function robustnessPercent(report: ScanReport): number {
  return Math.round((report.relativeRobustness ?? report.robustness) * 100);
}

/** Only a report that says so falls short; records made before strengths existed say nothing. */
export function shortOfTarget(report: ScanReport): boolean {
  return report.verified && report.robustnessTargetMet === false;
}

function label(report: ScanReport): string {
  if (!report.verified) return 'Not verified';
  if (shortOfTarget(report)) return 'Scans up close · may fail from far away';
  const repaired = report.repaired ? ' · repaired' : '';
  return report.relativeRobustness === null
    ? `Scans · ${robustnessPercent(report)}% robust${repaired}`
    : `Scans · ${robustnessPercent(report)}% as robust as a plain code${repaired}`;
}

function detail(report: ScanReport): string {
  if (!report.verified) return 'No decoder read this image.';
  const parts = [
    `Read by ${report.decoder.split('+').join(', ')}.`,
    'Robustness: how many simulated camera conditions (distance, blur, tilt, rotation, glare, shadow, print, low light) it still reads in, against a plain black-on-white code.',
  ];
  if (shortOfTarget(report)) {
    parts.push(`It did not reach the ${report.scanStrength} target (${Math.round((report.robustnessTarget ?? 0) * 100)}%) within the allowed changes; choose "Robust" to push further.`);
  }
  if (report.repaired) parts.push(`The gateway nudged ${report.modulesTouched} modules so it scans.`);
  if (report.rounds > 1) parts.push(`It took ${report.rounds} rounds: new seeds and a firmer QR strength.`);
  if (report.analysis) parts.push(`Error-correction headroom: ${Math.round(report.analysis.ecHeadroom * 100)}%.`);
  return parts.join(' ');
}

/** Verified or not, how robust against a plain code, and whether the gateway repaired it. */
export function ScanBadge({ report, size = 'medium' }: { report: ScanReport | null; size?: 'small' | 'medium' }) {
  if (!report) return null;
  const text = label(report);
  const color = !report.verified ? 'error' : shortOfTarget(report) ? 'warning' : 'success';
  return (
    <Tooltip title={detail(report)}>
      <Chip
        size={size}
        color={color}
        icon={report.verified && !shortOfTarget(report) ? <VerifiedIcon /> : <ReportProblemIcon />}
        label={text}
        aria-label={`Scan report: ${text}`}
      />
    </Tooltip>
  );
}
