import Alert from '@mui/material/Alert';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Container from '@mui/material/Container';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import QrCode2Icon from '@mui/icons-material/QrCode2';
import { signOut } from '../features/auth/api/session';
import { SignInForm } from '../features/auth/components/SignInForm';
import { useSession } from '../features/auth/hooks/useSession';
import { useLimits } from '../features/generate/hooks/useLimits';
import { ColorModeToggle } from './ColorModeToggle';
import { CreatePage } from './CreatePage';

export function App() {
  const { limits, error, needsKey, attempt, retry } = useLimits();
  const session = useSession(attempt);
  return (
    <>
      <AppBar position="static" color="primary" enableColorOnDark>
        <Toolbar>
          <QrCode2Icon sx={{ mr: 1 }} aria-hidden />
          <Typography component="h1" variant="h1" sx={{ flexGrow: 1, fontSize: '1.25rem' }}>QR Art</Typography>
          {session && (
            <>
              <Typography variant="body2" sx={{ mr: 1 }}>Signed in: {session.name}</Typography>
              <Button color="inherit" onClick={() => void signOut().finally(retry)}>Sign out</Button>
            </>
          )}
          <ColorModeToggle />
        </Toolbar>
      </AppBar>
      <Container component="main" maxWidth="lg" sx={{ py: { xs: 2, sm: 4 } }}>
        {error && (
          <Alert severity="error" action={<Button color="inherit" onClick={retry}>Retry</Button>}>
            The service cannot be reached right now: {error}
          </Alert>
        )}
        {needsKey && <SignInForm onSignedIn={retry} />}
        {!limits && !error && !needsKey && (
          <Box sx={{ display: 'flex', justifyContent: 'center', py: 8 }}><CircularProgress aria-label="Loading" /></Box>
        )}
        {limits && <CreatePage limits={limits} />}
      </Container>
    </>
  );
}
