import { useEffect, useState } from 'react';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { env } from '../config/env';
import { useDebounced } from '../lib/useDebounced';
import { getVersionHint, isLink } from '../lib/version-hint';
import type { ErrorCorrection, LinkLimits, VersionHint } from '../types/api';

interface Props {
  links: LinkLimits;
  content: string;
  level: ErrorCorrection;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/**
 * For a link on a server with short links: the QR version the link needs as it is and as a short
 * link, and the switch that asks for one (off by default: it ties the printed code to this service).
 */
export function ShortLinkOption({ links, content, level, checked, onChange }: Props) {
  const link = links.enabled && isLink(content);
  const debounced = useDebounced(content.trim(), env.searchDebounceMs);
  const [hint, setHint] = useState<VersionHint | null>(null);

  useEffect(() => {
    if (!link || !isLink(debounced)) return;
    const abort = new AbortController();
    getVersionHint(debounced, level, abort.signal).then(setHint, () => setHint(null));
    return () => abort.abort();
  }, [link, debounced, level]);

  if (!link) return null;
  const shortVersion = links.versionByLevel[level];
  return (
    <Stack spacing={0.5}>
      <FormControlLabel
        control={<Switch checked={checked} onChange={(e) => onChange(e.target.checked)} />}
        label="Use a short link"
      />
      {hint && (
        <Typography variant="body2" data-testid="version-hint">
          {hint.version === null ? 'This link is too long for any QR code' : `This link needs QR version ${hint.version}`}
          {shortVersion ? `; as a short link, version ${shortVersion}: larger modules that read from farther away.` : '.'}
        </Typography>
      )}
      <Typography variant="caption" color="text.secondary">
        A short link lets you change where the code leads after printing and counts its scans, but the code works only
        while this service answers.
      </Typography>
    </Stack>
  );
}
