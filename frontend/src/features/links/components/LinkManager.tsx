import { useCallback, useEffect, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { ApiError } from '../../../lib/api-client';
import { editTokenFor, rememberEditToken } from '../../../lib/edit-tokens';
import type { LinkView } from '../../../types/api';
import { changeLink, getLink } from '../api/links';

/**
 * A short link for its owner: where it leads, its scans over the last days by platform, and the
 * forms to change where it leads or switch it off. Proof: the edit token this browser kept, one
 * pasted, or the signed-in key.
 */
export function LinkManager({ shortUrl }: { shortUrl: string }) {
  const [token, setToken] = useState<string | null>(() => editTokenFor(shortUrl));
  const [pasted, setPasted] = useState('');
  const [link, setLink] = useState<LinkView | null>(null);
  const [destination, setDestination] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);

  const load = useCallback(async (proof: string | null) => {
    try {
      const view = await getLink(shortUrl, proof);
      setLink(view);
      setDestination(view.destination);
      setError(null);
    } catch (e) {
      setLink(null);
      setError(e instanceof ApiError ? e : new ApiError('Could not load the link.', 0));
    }
  }, [shortUrl]);

  useEffect(() => void load(token), [load, token]);

  async function apply(change: { destination?: string; disabled?: boolean }) {
    setSaved(false);
    try {
      const view = await changeLink(shortUrl, token, change);
      setLink(view);
      setDestination(view.destination);
      setError(null);
      setSaved(true);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('The change was not saved.', 0));
    }
  }

  function takePasted(event: FormEvent) {
    event.preventDefault();
    const value = pasted.trim();
    if (!value) return;
    rememberEditToken(shortUrl, value);
    setToken(value);
  }

  const needsProof = !link && error && (error.status === 401 || error.status === 403);
  const totals = link?.scans.reduce(
    (sum, day) => ({ ios: sum.ios + day.ios, android: sum.android + day.android, other: sum.other + day.other }),
    { ios: 0, android: 0, other: 0 },
  );
  return (
    <Stack spacing={1.5} component="section" aria-label="Short link">
      <Typography component="h3" variant="subtitle1">
        Short link: <Link href={shortUrl} target="_blank" rel="noreferrer" data-testid="short-url">{shortUrl}</Link>
      </Typography>
      {needsProof && (
        <Stack component="form" direction="row" spacing={1} onSubmit={takePasted} aria-label="Prove you own this link">
          <TextField size="small" label="Edit token" value={pasted} onChange={(e) => setPasted(e.target.value)}
            helperText="Paste the edit token you got when you made this code to manage its link." sx={{ flex: 1 }} />
          <Button type="submit" variant="outlined">Use</Button>
        </Stack>
      )}
      {link && totals && (
        <>
          <Typography variant="body2" data-testid="link-scans">
            {link.disabled ? 'Switched off. ' : ''}{link.totalScans} scans in {link.scans.length} days
            (iPhone {totals.ios}, Android {totals.android}, other {totals.other}).
          </Typography>
          <Stack component="form" direction="row" spacing={1} aria-label="Change destination"
            onSubmit={(e) => { e.preventDefault(); void apply({ destination: destination.trim() }); }}>
            <TextField size="small" label="Leads to" value={destination} onChange={(e) => setDestination(e.target.value)}
              error={error?.field === 'destination'} sx={{ flex: 1 }} slotProps={{ htmlInput: { inputMode: 'url', spellCheck: false } }} />
            <Button type="submit" variant="outlined" disabled={destination.trim() === link.destination}>Save</Button>
          </Stack>
          <Stack direction="row" spacing={1} alignItems="center">
            <Button size="small" color={link.disabled ? 'primary' : 'warning'} onClick={() => void apply({ disabled: !link.disabled })}>
              {link.disabled ? 'Switch the link on' : 'Switch the link off'}
            </Button>
          </Stack>
        </>
      )}
      {saved && <Alert severity="success" onClose={() => setSaved(false)}>Saved. Scans follow the change within seconds.</Alert>}
      {error && !needsProof && <Alert severity="error" role="alert">{error.message}</Alert>}
    </Stack>
  );
}
