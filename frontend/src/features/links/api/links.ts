import { apiGet, apiPatch, apiPostWithHeaders } from '../../../lib/api-client';
import { codeOf } from '../../../lib/edit-tokens';
import type { LinkView } from '../../../types/api';

/** A link's owner proves it with its edit token, or with the key session the browser signed in with. */
function proof(token: string | null): Record<string, string> {
  return token ? { 'X-Edit-Token': token } : {};
}

function path(shortUrl: string): string {
  return `/api/v1/links/${encodeURIComponent(codeOf(shortUrl))}`;
}

export function getLink(shortUrl: string, token: string | null): Promise<LinkView> {
  return apiGet<LinkView>(path(shortUrl), undefined, proof(token));
}

export function changeLink(
  shortUrl: string,
  token: string | null,
  change: { destination?: string; disabled?: boolean },
): Promise<LinkView> {
  return apiPatch<LinkView>(path(shortUrl), change, proof(token));
}

export function rotateEditToken(shortUrl: string, token: string | null): Promise<{ editToken: string }> {
  return apiPostWithHeaders<{ editToken: string }>(`${path(shortUrl)}/edit-token`, proof(token));
}
