import { useEffect, useState } from 'react';
import type { Limits } from '../../../types/api';
import { getLimits } from '../api/limits';

/** The gateway's rules and defaults, loaded once. */
export function useLimits() {
  const [limits, setLimits] = useState<Limits | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    getLimits(controller.signal)
      .then((loaded) => {
        setLimits(loaded);
        setError(null);
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setError(e instanceof Error ? e.message : 'The service cannot be reached.');
      });
    return () => controller.abort();
  }, [attempt]);
  return { limits, error, retry: () => setAttempt((a) => a + 1) };
}
