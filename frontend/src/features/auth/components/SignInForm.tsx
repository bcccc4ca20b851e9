import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { ApiError } from '../../../lib/api-client';
import { signIn } from '../api/session';

/** Shown when the gateway asks for an API key: one field, and the gateway's answer in words. */
export function SignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (key.trim() === '') {
      setError('Enter your API key.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await signIn(key);
      setKey('');
      onSignedIn();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Sign-in failed; try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card sx={{ maxWidth: 480, mx: 'auto' }}>
      <CardContent>
        <Stack component="form" spacing={2} onSubmit={(e) => void submit(e)} noValidate aria-label="Sign in">
          <Typography component="h2" variant="h6">Sign in</Typography>
          <Typography variant="body2" color="text.secondary">
            This service needs an API key. It is sent once to open a session and is not stored in the browser.
          </Typography>
          <TextField
            label="API key"
            type="password"
            autoComplete="off"
            value={key}
            onChange={(e) => setKey(e.target.value)}
            error={error !== null}
            helperText="Starts with qrart_"
            required
          />
          {error && <Alert severity="error" role="alert">{error}</Alert>}
          <Button type="submit" variant="contained" disabled={busy}>Sign in</Button>
        </Stack>
      </CardContent>
    </Card>
  );
}
