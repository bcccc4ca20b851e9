import { parseEnv } from './env';

describe('parseEnv', () => {
  it('fills defaults for an empty environment', () => {
    expect(parseEnv({})).toEqual({ apiBaseUrl: '', pollIntervalMs: 1000, galleryPageSize: 24, searchDebounceMs: 300, fallbackSecondsPerStep: 0.5 });
  });

  it('names the variable that is wrong', () => {
    expect(() => parseEnv({ VITE_POLL_INTERVAL_MS: 'soon' })).toThrow(/VITE_POLL_INTERVAL_MS/);
    expect(() => parseEnv({ VITE_GALLERY_PAGE_SIZE: '0' })).toThrow(/VITE_GALLERY_PAGE_SIZE/);
    expect(() => parseEnv({ VITE_API_BASE_URL: 'javascript:alert(1)' })).toThrow(/VITE_API_BASE_URL/);
  });

  it('drops a trailing slash from the API base', () => {
    expect(parseEnv({ VITE_API_BASE_URL: 'https://qr.example.com/' }).apiBaseUrl).toBe('https://qr.example.com');
  });
});
