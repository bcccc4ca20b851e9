import { apiDelete, apiGet, apiPostWithKey } from '../../../lib/api-client';
import type { SessionView } from '../../../types/api';

/** Opens a session (an HttpOnly cookie the gateway sets) with an API key; the key is not kept. */
export function signIn(key: string): Promise<SessionView> {
  return apiPostWithKey<SessionView>('/api/v1/session', key.trim());
}

export function getSession(signal?: AbortSignal): Promise<SessionView> {
  return apiGet<SessionView>('/api/v1/session', signal);
}

export function signOut(): Promise<void> {
  return apiDelete('/api/v1/session');
}
