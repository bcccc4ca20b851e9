import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import VerifiedIcon from '@mui/icons-material/Verified';
import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import type { ScanReport } from '../types/api';

export function robustnessPercent(report: ScanReport): number {
  return Math.round(report.robustness * 100);
}

/** Verified or not, how robust under simulated cameras, and whether the gateway repaired it. */
export function ScanBadge({ report, size = 'medium' }: { report: ScanReport | null; size?: 'small' | 'medium' }) {
  if (!report) return null;
  const label = report.verified
    ? `Scans · ${robustnessPercent(report)}% robust${report.repaired ? ' · repaired' : ''}`
    : 'Not verified';
  const detail = report.verified
    ? `Read by ${report.decoder}. Robustness: share of simulated camera conditions (blur, tilt, JPEG, lighting) in which it still reads.${
        report.repaired ? ` The gateway nudged ${report.modulesTouched} modules so it scans.` : ''
      }${report.rounds > 1 ? ` It took ${report.rounds} rounds: new seeds and a firmer QR strength.` : ''}${
        report.analysis ? ` Error-correction headroom: ${Math.round(report.analysis.ecHeadroom * 100)}%.` : ''
      }`
    : 'No decoder read this image.';
  return (
    <Tooltip title={detail}>
      <Chip
        size={size}
        color={report.verified ? 'success' : 'error'}
        icon={report.verified ? <VerifiedIcon /> : <ReportProblemIcon />}
        label={label}
        aria-label={`Scan report: ${label}`}
      />
    </Tooltip>
  );
}
