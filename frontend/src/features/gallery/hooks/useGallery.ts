import { useCallback, useEffect, useRef, useState } from 'react';
import { env } from '../../../config/env';
import type { Generation, JobKind } from '../../../types/api';
import { getGalleryPage } from '../api/gallery';

interface GalleryState {
  items: Generation[];
  nextCursor: string | null;
  loading: boolean;
  error: string | null;
}

/** Pages of earlier jobs for a prompt search and kind (null: all), newest first; `refresh` reloads page one. */
export function useGallery(query: string, kind: JobKind | null = null) {
  const [state, setState] = useState<GalleryState>({ items: [], nextCursor: null, loading: true, error: null });
  const [version, setVersion] = useState(0);
  const inFlight = useRef<AbortController | null>(null);

  const load = useCallback(
    async (cursor: string | null) => {
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      setState((s) => ({ ...s, loading: true, error: null }));
      try {
        const page = await getGalleryPage(query, kind, cursor, env.galleryPageSize, controller.signal);
        setState((s) => ({
          items: cursor ? [...s.items, ...page.items.filter((g) => !s.items.some((known) => known.id === g.id))] : page.items,
          nextCursor: page.nextCursor,
          loading: false,
          error: null,
        }));
      } catch (error) {
        if (controller.signal.aborted) return;
        setState((s) => ({ ...s, loading: false, error: error instanceof Error ? error.message : 'The gallery could not be loaded.' }));
      }
    },
    [query, kind],
  );

  useEffect(() => {
    void load(null);
    return () => inFlight.current?.abort();
  }, [load, version]);

  const loadMore = useCallback(() => {
    if (!state.loading && state.nextCursor) void load(state.nextCursor);
  }, [load, state.loading, state.nextCursor]);

  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  return { ...state, loadMore, refresh };
}
