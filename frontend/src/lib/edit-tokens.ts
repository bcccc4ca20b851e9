/**
 * Edit tokens of the short links this browser made (the gateway shows each once, in the reply to
 * the submission), kept in local storage by code so their owner can change the link later here.
 */
const STORAGE_KEY = 'qrart.editTokens';

/** The code at the end of a short URL, as stored (upper case). */
export function codeOf(shortUrl: string): string {
  return shortUrl.slice(shortUrl.lastIndexOf('/') + 1).toUpperCase();
}

function read(): Record<string, string> {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}');
    return stored && typeof stored === 'object' ? (stored as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export function rememberEditToken(shortUrl: string, token: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ ...read(), [codeOf(shortUrl)]: token }));
  } catch {
    // Storage full or off: the owner can still paste the token.
  }
}

export function editTokenFor(shortUrl: string): string | null {
  return read()[codeOf(shortUrl)] ?? null;
}
