import { useEffect, useRef } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Grid from '@mui/material/Grid';
import InputAdornment from '@mui/material/InputAdornment';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import SearchIcon from '@mui/icons-material/Search';
import type { Generation, JobKind } from '../../../types/api';
import type { useGallery } from '../hooks/useGallery';
import { GalleryCard, KIND_LABELS } from './GalleryCard';

interface Props {
  gallery: ReturnType<typeof useGallery>;
  search: string;
  onSearch: (text: string) => void;
  kind: JobKind | null;
  onKind: (kind: JobKind | null) => void;
  onReuse: (generation: Generation) => void;
  onRemix: (generation: Generation) => void;
}

/** Earlier generations; more load as the end of the grid scrolls into view (or with the button). */
export function Gallery({ gallery, search, onSearch, kind, onKind, onReuse, onRemix }: Props) {
  const sentinel = useRef<HTMLDivElement>(null);
  const { items, nextCursor, loading, error, loadMore } = gallery;

  useEffect(() => {
    const element = sentinel.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && loadMore(), { rootMargin: '400px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [loadMore]);

  return (
    <Stack component="section" spacing={2} aria-labelledby="gallery-heading">
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} alignItems={{ sm: 'center' }} justifyContent="space-between">
        <Typography id="gallery-heading" component="h2" variant="h5" fontWeight={700}>Gallery</Typography>
        <TextField
          id="gallery-search"
          label="Search prompts"
          type="search"
          size="small"
          value={search}
          onChange={(e) => onSearch(e.target.value)}
          sx={{ maxWidth: { sm: 320 } }}
          slotProps={{ input: { startAdornment: <InputAdornment position="start"><SearchIcon /></InputAdornment> } }}
        />
      </Stack>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={kind ?? 'all'}
        onChange={(_, value: JobKind | 'all' | null) => value && onKind(value === 'all' ? null : value)}
        aria-label="Show only"
      >
        <ToggleButton value="all">All</ToggleButton>
        {(Object.keys(KIND_LABELS) as JobKind[]).map((k) => (
          <ToggleButton key={k} value={k}>{KIND_LABELS[k]}</ToggleButton>
        ))}
      </ToggleButtonGroup>
      {error && <Alert severity="error">{error}</Alert>}
      {!loading && !error && items.length === 0 && (
        <Typography color="text.secondary">{search ? `No generation matches “${search}”.` : 'Nothing here yet: your first QR code will show up here.'}</Typography>
      )}
      <Grid container spacing={2} role="list" aria-label="Earlier generations">
        {items.map((generation) => (
          <Grid key={generation.id} size={{ xs: 12, sm: 6, md: 4, lg: 3 }} role="listitem">
            <GalleryCard generation={generation} onReuse={onReuse} onRemix={onRemix} />
          </Grid>
        ))}
      </Grid>
      <div ref={sentinel} />
      <Stack alignItems="center">
        {loading && <CircularProgress aria-label="Loading the gallery" />}
        {!loading && nextCursor && <Button onClick={loadMore}>Load more</Button>}
      </Stack>
    </Stack>
  );
}
