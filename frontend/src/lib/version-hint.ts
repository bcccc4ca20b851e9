import type { ErrorCorrection, VersionHint } from '../types/api';
import { apiGet } from './api-client';

/** The QR version a content needs at a level, and a short link's, as the gateway's encoder counts. */
export function getVersionHint(content: string, level: ErrorCorrection, signal?: AbortSignal): Promise<VersionHint> {
  const query = new URLSearchParams({ content, errorCorrection: level });
  return apiGet<VersionHint>(`/api/v1/limits/version?${query.toString()}`, signal);
}

export function isLink(content: string): boolean {
  return /^https?:\/\/\S/i.test(content.trim());
}
