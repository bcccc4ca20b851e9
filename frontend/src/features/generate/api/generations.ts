import { apiGet, apiPost, apiUrl, resolveUrl } from '../../../lib/api-client';
import type { Accepted, Generation, GenerationRequest } from '../../../types/api';

export function createGeneration(request: GenerationRequest): Promise<Accepted> {
  return apiPost<Accepted>('/api/v1/generations', request);
}

export function getGeneration(id: string): Promise<Generation> {
  return apiGet<Generation>(`/api/v1/generations/${encodeURIComponent(id)}`);
}

/** The plain QR code behind a generation, for the compare overlay. */
export function plainQrUrl(id: string): string {
  return apiUrl(`/api/v1/generations/${encodeURIComponent(id)}/qr`);
}

/** A link to share: absolute, whatever store the image lives in. */
export function shareableUrl(url: string): string {
  return new URL(resolveUrl(url), window.location.href).toString();
}
