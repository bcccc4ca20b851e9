import { env } from '../config/env';
import type { ApiErrorBody } from '../types/api';

/** A failed API call, in words a person can read, with the request field to blame when known. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly field: string | null = null,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function plainWords(status: number): string {
  if (status === 401) return 'Sign in with your API key to use the service.';
  if (status === 429) return 'The service is busy right now.';
  if (status === 404) return 'That was not found.';
  if (status >= 500) return 'The service had a problem; nothing you did caused it.';
  return 'The request was refused.';
}

async function toApiError(response: Response): Promise<ApiError> {
  const retryAfter = Number(response.headers.get('Retry-After'));
  let body: Partial<ApiErrorBody> = {};
  try {
    body = (await response.json()) as ApiErrorBody;
  } catch {
    // Not our JSON (a proxy's page, say): fall back to words for the status.
  }
  const message = typeof body.error === 'string' && body.error !== '' ? body.error : plainWords(response.status);
  return new ApiError(message, response.status, body.field ?? null, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null);
}

export function apiUrl(path: string): string {
  return `${env.apiBaseUrl}${path}`;
}

/** Links from the gateway are relative for its own store and absolute for GCS. */
export function resolveUrl(url: string): string {
  return /^https?:\/\//.test(url) ? url : apiUrl(url);
}

async function request<T>(path: string, init: RequestInit): Promise<T> {
  const response = await send(path, init);
  return (await response.json()) as T;
}

async function send(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(apiUrl(path), { ...init, headers: { Accept: 'application/json', ...init.headers } });
  } catch {
    throw new ApiError('Cannot reach the service. Check your connection and try again.', 0);
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

export function apiGet<T>(path: string, signal?: AbortSignal, headers?: Record<string, string>): Promise<T> {
  return request<T>(path, { method: 'GET', signal, headers });
}

/** A JSON change to a resource, with extra headers (e.g. a proof of ownership). */
export function apiPatch<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  return request<T>(path, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

export function apiPost<T>(path: string, body: unknown): Promise<T> {
  return request<T>(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** A call whose answer has no body to read (204), e.g. signing out. */
export async function apiDelete(path: string): Promise<void> {
  await send(path, { method: 'DELETE' });
}

/** A POST authenticated with an API key instead of the session, e.g. signing in. */
/** A POST without a body, with extra headers. */
export function apiPostWithHeaders<T>(path: string, headers: Record<string, string>): Promise<T> {
  return request<T>(path, { method: 'POST', headers });
}

export function apiPostWithKey<T>(path: string, key: string): Promise<T> {
  return request<T>(path, { method: 'POST', headers: { Authorization: `Bearer ${key}` } });
}

/** A multipart upload (a picture and its fields); the browser sets the boundary. */
export function apiPostForm<T>(path: string, form: FormData): Promise<T> {
  return request<T>(path, { method: 'POST', body: form });
}
