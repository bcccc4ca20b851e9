import { useEffect, useState } from 'react';
import { ApiError } from '../../../lib/api-client';
import type { Limits } from '../../../types/api';
import { getLimits } from '../api/limits';

/** The gateway's rules and defaults, loaded once; {@code needsKey} when the gateway asks for an API key. */
export function useLimits() {
  const [limits, setLimits] = useState<Limits | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [needsKey, setNeedsKey] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    getLimits(controller.signal)
      .then((loaded) => {
        setLimits(loaded);
        setError(null);
        setNeedsKey(false);
      })
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        const unauthenticated = e instanceof ApiError && e.status === 401;
        setNeedsKey(unauthenticated);
        setLimits(null);
        setError(unauthenticated ? null : e instanceof Error ? e.message : 'The service cannot be reached.');
      });
    return () => controller.abort();
  }, [attempt]);
  return { limits, error, needsKey, attempt, retry: () => setAttempt((a) => a + 1) };
}
