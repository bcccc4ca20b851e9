import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import MuiTab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { env } from '../config/env';
import { Gallery } from '../features/gallery/components/Gallery';
import { useGallery } from '../features/gallery/hooks/useGallery';
import { GenerateForm } from '../features/generate/components/GenerateForm';
import { JobPanel } from '../features/generate/components/JobPanel';
import { secondsPerStep } from '../features/generate/estimate';
import { defaultValues, randomSeed, toRequest, valuesFrom, type FormValues } from '../features/generate/form-values';
import { useGenerationJob } from '../features/generate/hooks/useGenerationJob';
import { LinkManager } from '../features/links/components/LinkManager';
import { uploadPicture } from '../features/pictures/api/pictures';
import { PictureForm, type PictureMode } from '../features/pictures/components/PictureForm';
import type { ChosenPicture } from '../features/pictures/components/PictureDrop';
import { RepairResult } from '../features/pictures/components/RepairResult';
import { ApiError } from '../lib/api-client';
import { useDebounced } from '../lib/useDebounced';
import type { Generation, JobKind, Limits } from '../types/api';

type Tab = 'generate' | PictureMode;

/** The three ways to make a code as tabs, the form and its result side by side (stacked on phones), the gallery below. */
export function CreatePage({ limits }: { limits: Limits }) {
  const [tab, setTab] = useState<Tab>('generate');
  const [values, setValues] = useState<FormValues>(() => defaultValues(limits));
  const [serverError, setServerError] = useState<ApiError | null>(null);
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<JobKind | null>(null);
  const gallery = useGallery(useDebounced(search, env.searchDebounceMs), kind);
  const { job, submit, track } = useGenerationJob(() => gallery.refresh());

  async function run(start: () => Promise<void>) {
    setServerError(null);
    try {
      await start();
    } catch (error) {
      setServerError(error instanceof ApiError ? error : new ApiError('Something went wrong; try again.', 0));
    }
  }

  const create = (current: FormValues) => run(() => submit(toRequest(current)));
  const upload = (mode: PictureMode, picture: ChosenPicture, fields: Record<string, string>) =>
    run(() => track(() => uploadPicture(mode === 'picture' ? 'pictures' : 'repairs', picture.file, picture.name, fields)));

  function reuse(generation: Generation, newSeed: boolean) {
    setTab('generate');
    const filled = valuesFrom(generation.content, generation.parameters);
    setValues(newSeed ? { ...filled, seed: randomSeed(limits.maxSeed) } : filled);
    setServerError(null);
    window.scrollTo({ top: 0, behavior: 'smooth' });
    document.getElementById('field-prompt')?.focus();
  }

  const busy = job.phase === 'submitting' || job.phase === 'waiting';
  const refusal = serverError && !serverError.field ? serverError : null;
  return (
    <Stack spacing={4}>
      <Grid container spacing={3}>
        <Grid size={{ xs: 12, md: 6 }}>
          <Card>
            <Tabs value={tab} onChange={(_, next: Tab) => { setTab(next); setServerError(null); }} variant="fullWidth" aria-label="What to make">
              <MuiTab value="generate" label="Generate" />
              <MuiTab value="picture" label="Your picture" />
              <MuiTab value="repair" label="Fix a code" />
            </Tabs>
            <CardContent>
              {tab === 'generate' ? (
                <GenerateForm limits={limits} values={values} onChange={setValues} onSubmit={create} busy={busy} serverError={serverError} />
              ) : (
                <PictureForm key={tab} mode={tab} limits={limits} busy={busy} serverError={serverError}
                  onSubmit={(picture, fields) => void upload(tab, picture, fields)} />
              )}
            </CardContent>
          </Card>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Card component="section" aria-label="Result" sx={{ height: '100%' }}><CardContent>
            <Stack spacing={2}>
              {refusal && (
                <Alert severity={refusal.retryAfterSeconds ? 'warning' : 'error'} role="alert"
                  action={tab === 'generate' ? <Button color="inherit" onClick={() => void create(values)}>Try again</Button> : undefined}>
                  {refusal.message}{refusal.retryAfterSeconds ? ` Try again in ${refusal.retryAfterSeconds} s.` : ''}
                </Alert>
              )}
              <JobPanel job={job} secondsPerStep={secondsPerStep(gallery.items, env.fallbackSecondsPerStep)}
                preview={(g) => (g.kind === 'repair' ? <RepairResult generation={g} /> : null)}
                extra={(g) => (g.shortUrl ? <LinkManager key={g.shortUrl} shortUrl={g.shortUrl} /> : null)} />
            </Stack>
          </CardContent></Card>
        </Grid>
      </Grid>
      <Gallery gallery={gallery} search={search} onSearch={setSearch} kind={kind} onKind={setKind} onReuse={(g) => reuse(g, false)} onRemix={(g) => reuse(g, true)} />
    </Stack>
  );
}
