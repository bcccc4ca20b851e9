import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import { env } from '../config/env';
import { Gallery } from '../features/gallery/components/Gallery';
import { useGallery } from '../features/gallery/hooks/useGallery';
import { GenerateForm } from '../features/generate/components/GenerateForm';
import { JobPanel } from '../features/generate/components/JobPanel';
import { secondsPerStep } from '../features/generate/estimate';
import { defaultValues, randomSeed, toRequest, valuesFrom, type FormValues } from '../features/generate/form-values';
import { useGenerationJob } from '../features/generate/hooks/useGenerationJob';
import { ApiError } from '../lib/api-client';
import { useDebounced } from '../lib/useDebounced';
import type { Generation, Limits } from '../types/api';

/** The form and its result side by side (stacked on phones), the gallery below. */
export function CreatePage({ limits }: { limits: Limits }) {
  const [values, setValues] = useState<FormValues>(() => defaultValues(limits));
  const [serverError, setServerError] = useState<ApiError | null>(null);
  const [search, setSearch] = useState('');
  const gallery = useGallery(useDebounced(search, env.searchDebounceMs));
  const { job, submit } = useGenerationJob(() => gallery.refresh());

  async function create(current: FormValues) {
    setServerError(null);
    try {
      await submit(toRequest(current));
    } catch (error) {
      setServerError(error instanceof ApiError ? error : new ApiError('Something went wrong; try again.', 0));
    }
  }

  function reuse(generation: Generation, newSeed: boolean) {
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
          <Card><CardContent>
            <GenerateForm limits={limits} values={values} onChange={setValues} onSubmit={create} busy={busy} serverError={serverError} />
          </CardContent></Card>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Card component="section" aria-label="Result" sx={{ height: '100%' }}><CardContent>
            <Stack spacing={2}>
              {refusal && (
                <Alert severity={refusal.retryAfterSeconds ? 'warning' : 'error'} role="alert"
                  action={<Button color="inherit" onClick={() => void create(values)}>Try again</Button>}>
                  {refusal.message}{refusal.retryAfterSeconds ? ` Try again in ${refusal.retryAfterSeconds} s.` : ''}
                </Alert>
              )}
              <JobPanel job={job} secondsPerStep={secondsPerStep(gallery.items, env.fallbackSecondsPerStep)} />
            </Stack>
          </CardContent></Card>
        </Grid>
      </Grid>
      <Gallery gallery={gallery} search={search} onSearch={setSearch} onReuse={(g) => reuse(g, false)} onRemix={(g) => reuse(g, true)} />
    </Stack>
  );
}
