import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActions from '@mui/material/CardActions';
import CardContent from '@mui/material/CardContent';
import CardMedia from '@mui/material/CardMedia';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import ReplayIcon from '@mui/icons-material/Replay';
import ShuffleIcon from '@mui/icons-material/Shuffle';
import { ScanBadge } from '../../../components/ScanBadge';
import { resolveUrl } from '../../../lib/api-client';
import type { Generation, JobKind } from '../../../types/api';

interface Props {
  generation: Generation;
  onReuse: (generation: Generation) => void;
  onRemix: (generation: Generation) => void;
}

/** How each kind of job is named on its card. */
export const KIND_LABELS: Record<JobKind, string> = {
  generated: 'Generated',
  picture: 'Your picture',
  repair: 'Fixed code',
};

export function GalleryCard({ generation, onReuse, onRemix }: Props) {
  const p = generation.parameters;
  const kind = generation.kind ?? 'generated';
  const title = p.prompt || `${KIND_LABELS[kind]}: ${generation.content}`;
  return (
    <Card component="article" aria-label={p.prompt ? `${KIND_LABELS[kind]}: ${p.prompt}` : title} sx={{ height: '100%', display: 'flex', flexDirection: 'column' }}>
      {generation.thumbnailUrl && (
        <CardMedia component="img" loading="lazy" image={resolveUrl(generation.thumbnailUrl)} alt={`QR art: ${title}`} sx={{ aspectRatio: '1 / 1' }} />
      )}
      <CardContent sx={{ flexGrow: 1 }}>
        <Chip size="small" label={KIND_LABELS[kind]} sx={{ mb: 1 }} />
        <Typography variant="body2" sx={{ display: '-webkit-box', WebkitLineClamp: 3, WebkitBoxOrient: 'vertical', overflow: 'hidden', overflowWrap: 'anywhere' }}>
          {title}
        </Typography>
        {kind === 'generated' && (
          <Typography variant="caption" color="text.secondary" component="p" sx={{ my: 1 }}>
            strength {p.strength} · QR {p.controlnetScale} · guidance {p.guidanceScale} · {p.steps} steps · seed {p.seed}
          </Typography>
        )}
        {generation.shortUrl && (
          <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1, overflowWrap: 'anywhere' }} data-testid="gallery-short-link">
            {generation.shortUrl} → {generation.content}
          </Typography>
        )}
        <ScanBadge report={generation.scanReport} size="small" />
      </CardContent>
      {kind === 'generated' && (
        <CardActions>
          <Button size="small" startIcon={<ReplayIcon />} onClick={() => onReuse(generation)} aria-label={`Reuse: ${p.prompt}`}>Reuse</Button>
          <Button size="small" startIcon={<ShuffleIcon />} onClick={() => onRemix(generation)} aria-label={`Remix with a new seed: ${p.prompt}`}>Remix</Button>
        </CardActions>
      )}
    </Card>
  );
}
