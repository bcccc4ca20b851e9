import { useEffect, useState } from 'react';
import type { SessionView } from '../../../types/api';
import { getSession } from '../api/session';

/** Who is signed in, when the gateway takes API keys; null when it does not, or nobody is. */
export function useSession(reloadKey: number) {
  const [session, setSession] = useState<SessionView | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    getSession(controller.signal)
      .then(setSession)
      .catch(() => {
        if (!controller.signal.aborted) setSession(null);
      });
    return () => controller.abort();
  }, [reloadKey]);
  return session;
}
