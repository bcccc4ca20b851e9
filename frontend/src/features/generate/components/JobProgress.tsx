import { useEffect, useState } from 'react';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import type { Generation } from '../../../types/api';
import { expectedSeconds, shownProgress } from '../estimate';

interface Props {
  generation: Generation | null;
  startedAt: number;
  secondsPerStep: number;
}

function statusLine(generation: Generation | null): string {
  if (!generation || generation.status === 'queued') return 'Queued: waiting for a free GPU slot…';
  if (generation.message) return `Paused: ${generation.message}; your job is kept and will go on…`;
  if (generation.progress >= 0.8) return 'Checking that it scans…';
  return 'Painting your QR code…';
}

/** queued → running, with a bar filled by the gateway's milestones and elapsed time, and an estimate. */
export function JobProgress({ generation, startedAt, secondsPerStep }: Props) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(tick);
  }, []);
  const elapsed = (now - startedAt) / 1000;
  const expected = generation ? expectedSeconds(generation.parameters, secondsPerStep) : 0;
  const progress = generation ? shownProgress(generation.progress, elapsed, expected) : 0;
  const left = Math.max(1, Math.round(expected - elapsed));
  return (
    <Box aria-live="polite" aria-busy="true">
      <Typography variant="subtitle1" fontWeight={600} gutterBottom data-testid="job-status">
        {statusLine(generation)}
      </Typography>
      <LinearProgress
        variant={generation ? 'determinate' : 'indeterminate'}
        value={progress * 100}
        aria-label="Generation progress"
      />
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        {generation && expected > 0
          ? elapsed < expected ? `About ${left} s left · ${Math.round(elapsed)} s so far` : `Taking longer than usual · ${Math.round(elapsed)} s so far`
          : 'Starting…'}
      </Typography>
    </Box>
  );
}
