import { useCallback, useEffect, useRef, useState } from 'react';
import { env } from '../../../config/env';
import { ApiError } from '../../../lib/api-client';
import { rememberEditToken } from '../../../lib/edit-tokens';
import type { Accepted, Generation, GenerationRequest } from '../../../types/api';
import { createGeneration, getGeneration } from '../api/generations';

export type Job =
  | { phase: 'idle' }
  | { phase: 'submitting' }
  | { phase: 'waiting'; id: string; generation: Generation | null; startedAt: number }
  | { phase: 'done'; generation: Generation }
  | { phase: 'failed'; message: string; generation: Generation | null };

/** Polls that may fail in a row (a restarting gateway, a dropped connection) before the job is given up. */
const MAX_POLL_FAILURES = 5;

/** Submits a generation and follows it to done or failed; a refused submit comes back as an ApiError. */
export function useGenerationJob(onFinished?: (generation: Generation) => void) {
  const [job, setJob] = useState<Job>({ phase: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const finished = useRef(onFinished);
  finished.current = onFinished;

  useEffect(() => () => clearTimeout(timer.current), []);

  const follow = useCallback((id: string, startedAt: number, failures: number) => {
    timer.current = setTimeout(async () => {
      try {
        const generation = await getGeneration(id);
        if (generation.status === 'done') {
          setJob({ phase: 'done', generation });
          finished.current?.(generation);
        } else if (generation.status === 'failed') {
          setJob({ phase: 'failed', message: generation.error ?? 'The generation failed.', generation });
          finished.current?.(generation);
        } else {
          setJob({ phase: 'waiting', id, generation, startedAt });
          follow(id, startedAt, 0);
        }
      } catch (error) {
        if (failures + 1 >= MAX_POLL_FAILURES) {
          const reason = error instanceof ApiError ? error.message : 'Lost contact with the service.';
          setJob({ phase: 'failed', message: `${reason} Your generation may still finish: look for it in the gallery.`, generation: null });
        } else {
          follow(id, startedAt, failures + 1);
        }
      }
    }, env.pollIntervalMs);
  }, []);

  /** Starts any kind of job (`create` posts it) and follows it; a refused post is thrown back. */
  const track = useCallback(
    async (create: () => Promise<Accepted>) => {
      clearTimeout(timer.current);
      setJob({ phase: 'submitting' });
      try {
        const accepted = await create();
        if (accepted.shortUrl && accepted.editToken) rememberEditToken(accepted.shortUrl, accepted.editToken);
        const startedAt = Date.now();
        setJob({ phase: 'waiting', id: accepted.id, generation: null, startedAt });
        follow(accepted.id, startedAt, 0);
      } catch (error) {
        setJob({ phase: 'idle' });
        throw error;
      }
    },
    [follow],
  );

  const submit = useCallback((request: GenerationRequest) => track(() => createGeneration(request)), [track]);

  return { job, submit, track };
}
