import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { Generation } from '../../../types/api';
import type { Job } from '../hooks/useGenerationJob';
import { JobProgress } from './JobProgress';
import { ResultCard } from './ResultCard';

/** The right-hand side: nothing yet, progress, the result, or why it failed. */
interface Props {
  job: Job;
  secondsPerStep: number;
  /** A view of a finished job in place of its image (null: the image). */
  preview?: (generation: Generation) => ReactNode;
  /** What the page adds below a finished job's result (e.g. its short link's management). */
  extra?: (generation: Generation) => ReactNode;
}

export function JobPanel({ job, secondsPerStep, preview, extra }: Props) {
  switch (job.phase) {
    case 'idle':
      return (
        <Typography color="text.secondary">
          Your QR code appears here. Pick a style, or reuse a prompt from the gallery below.
        </Typography>
      );
    case 'submitting':
      return <JobProgress generation={null} startedAt={Date.now()} secondsPerStep={secondsPerStep} />;
    case 'waiting':
      return <JobProgress generation={job.generation} startedAt={job.startedAt} secondsPerStep={secondsPerStep} />;
    case 'done':
      return <ResultCard generation={job.generation} preview={preview?.(job.generation)} extra={extra?.(job.generation)} />;
    case 'failed':
      return <Alert severity="error" role="alert">{job.message}</Alert>;
  }
}
