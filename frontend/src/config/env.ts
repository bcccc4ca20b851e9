/**
 * The app's tunables, read from Vite's environment (VITE_*) once and validated: a bad value
 * stops the app at start-up with the variable's name instead of misbehaving later.
 */
export interface Env {
  /** Where the gateway's API lives; empty = the same origin that served the app. */
  apiBaseUrl: string;
  /** How often a running generation's status is polled. */
  pollIntervalMs: number;
  /** Gallery items fetched per page. */
  galleryPageSize: number;
  /** Pause after the last keystroke before the gallery search runs. */
  searchDebounceMs: number;
  /** Seconds per denoising step assumed for the estimate until the gallery gives real timings. */
  fallbackSecondsPerStep: number;
}

type RawEnv = Record<string, string | undefined>;

function positiveNumber(raw: RawEnv, name: string, fallback: number, max: number): number {
  const value = raw[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0 || parsed > max) {
    throw new Error(`${name} must be a number in (0, ${max}], got "${value}"`);
  }
  return parsed;
}

function baseUrl(raw: RawEnv): string {
  const value = (raw.VITE_API_BASE_URL ?? '').trim();
  if (value !== '' && !/^https?:\/\/[^\s]+$/.test(value)) {
    throw new Error(`VITE_API_BASE_URL must be empty or an http(s) URL, got "${value}"`);
  }
  return value.replace(/\/+$/, '');
}

export function parseEnv(raw: RawEnv): Env {
  return {
    apiBaseUrl: baseUrl(raw),
    pollIntervalMs: positiveNumber(raw, 'VITE_POLL_INTERVAL_MS', 1000, 60_000),
    galleryPageSize: Math.round(positiveNumber(raw, 'VITE_GALLERY_PAGE_SIZE', 24, 100)),
    searchDebounceMs: positiveNumber(raw, 'VITE_SEARCH_DEBOUNCE_MS', 300, 5_000),
    fallbackSecondsPerStep: positiveNumber(raw, 'VITE_FALLBACK_SECONDS_PER_STEP', 0.5, 60),
  };
}

export const env: Env = parseEnv(import.meta.env as RawEnv);
