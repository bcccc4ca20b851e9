import { useEffect, useRef, useState, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import DownloadIcon from '@mui/icons-material/Download';
import LinkIcon from '@mui/icons-material/Link';
import PhoneIphoneIcon from '@mui/icons-material/PhoneIphone';
import { ScanBadge } from '../../../components/ScanBadge';
import { resolveUrl } from '../../../lib/api-client';
import type { Generation } from '../../../types/api';
import { plainQrUrl, shareableUrl } from '../api/generations';

/**
 * The verified image, its scan report, and what to do with it; {@code preview} takes the image's
 * place when the page shows a job of another kind its own way (a repair's before and after);
 * {@code extra} comes below (a short link's management).
 */
export function ResultCard({ generation, preview, extra }: { generation: Generation; preview?: ReactNode; extra?: ReactNode }) {
  const [compare, setCompare] = useState(false);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [generation.id]);
  if (!generation.imageUrl) return null;
  const image = resolveUrl(generation.imageUrl);

  async function copyLink() {
    try {
      await navigator.clipboard.writeText(shareableUrl(generation.imageUrl!));
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }

  const generated = (generation.kind ?? 'generated') === 'generated';
  return (
    <Stack spacing={2}>
      <Typography component="h2" variant="h6" tabIndex={-1} ref={heading}>
        {generation.kind === 'repair' ? 'Your code is fixed' : 'Your QR code is ready'}
      </Typography>
      {preview ?? (
        <Box sx={{ position: 'relative', width: '100%', maxWidth: 512, borderRadius: 2, overflow: 'hidden', bgcolor: 'background.default' }}>
          <Box component="img" src={image} alt={`QR art: ${generation.parameters.prompt || generation.content}`} sx={{ width: '100%', display: 'block' }} />
          {compare && (
            <Box component="img" src={plainQrUrl(generation.id)} alt="The plain QR code, overlaid" data-testid="plain-qr-overlay"
              sx={{ position: 'absolute', inset: 0, width: '100%', height: '100%', opacity: 0.5, mixBlendMode: 'multiply' }} />
          )}
        </Box>
      )}
      <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" alignItems="center">
        <ScanBadge report={generation.scanReport} />
        {generated && (
          <FormControlLabel control={<Switch checked={compare} onChange={(e) => setCompare(e.target.checked)} />} label="Compare with the plain QR" />
        )}
      </Stack>
      <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap">
        <Button variant="contained" startIcon={<DownloadIcon />} href={image} download={`qr-art-${generation.id}.png`}>Download PNG</Button>
        <Button variant="outlined" startIcon={<LinkIcon />} onClick={copyLink}>Copy image link</Button>
      </Stack>
      {copied === 'yes' && <Alert severity="success" onClose={() => setCopied(null)}>Link copied.</Alert>}
      {copied === 'failed' && <Alert severity="warning" onClose={() => setCopied(null)}>Your browser did not allow copying; use Download instead.</Alert>}
      <Alert icon={<PhoneIphoneIcon />} severity="info">
        Try it: point your phone's camera at the screen. It should open {generation.shortUrl
          ? `${generation.shortUrl}, which leads to ${generation.content}` : generation.content}.
        {generation.scanReport?.symbolVersion ? ` QR version ${generation.scanReport.symbolVersion}.` : ''}
      </Alert>
      {extra}
    </Stack>
  );
}
