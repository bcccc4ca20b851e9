/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_API_BASE_URL?: string;
  readonly VITE_POLL_INTERVAL_MS?: string;
  readonly VITE_GALLERY_PAGE_SIZE?: string;
  readonly VITE_SEARCH_DEBOUNCE_MS?: string;
  readonly VITE_FALLBACK_SECONDS_PER_STEP?: string;
}
