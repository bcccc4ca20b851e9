import { apiGet } from '../../../lib/api-client';
import type { GalleryPage, JobKind } from '../../../types/api';

export function getGalleryPage(
  query: string,
  kind: JobKind | null,
  cursor: string | null,
  limit: number,
  signal?: AbortSignal,
): Promise<GalleryPage> {
  const params = new URLSearchParams({ limit: String(limit) });
  if (query.trim() !== '') params.set('q', query.trim());
  if (kind) params.set('kind', kind);
  if (cursor) params.set('cursor', cursor);
  return apiGet<GalleryPage>(`/api/v1/gallery?${params}`, signal);
}
