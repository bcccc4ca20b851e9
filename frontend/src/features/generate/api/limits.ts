import { apiGet } from '../../../lib/api-client';
import type { Limits } from '../../../types/api';

export function getLimits(signal?: AbortSignal): Promise<Limits> {
  return apiGet<Limits>('/api/v1/limits', signal);
}
