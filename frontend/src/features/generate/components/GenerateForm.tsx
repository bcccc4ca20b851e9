import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AutoAwesomeIcon from '@mui/icons-material/AutoAwesome';
import type { ApiError } from '../../../lib/api-client';
import type { Limits } from '../../../types/api';
import { type FieldName, type FormValues } from '../form-values';
import { utf8Bytes, validateForm, type FieldErrors } from '../validation';
import { ADVANCED_FIELDS, AdvancedParameters } from './AdvancedParameters';
import { ScanStrengthPicker } from '../../../components/ScanStrengthPicker';
import { ShortLinkOption } from '../../../components/ShortLinkOption';
import { StylePresets } from './StylePresets';

interface Props {
  limits: Limits;
  values: FormValues;
  onChange: (values: FormValues) => void;
  onSubmit: (values: FormValues) => void;
  busy: boolean;
  /** A refusal from the gateway: its field is highlighted and focused. */
  serverError: ApiError | null;
}

export function GenerateForm({ limits, values, onChange, onSubmit, busy, serverError }: Props) {
  const [touched, setTouched] = useState<Set<FieldName>>(new Set());
  const [attempted, setAttempted] = useState(false);
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const inputs = useRef(new Map<FieldName, HTMLInputElement>());
  const [staleServerField, setStaleServerField] = useState<FieldName | null>(null);

  const liveErrors = useMemo(() => validateForm(values, limits), [values, limits]);
  const serverField = serverError?.field && serverError.field in values ? (serverError.field as FieldName) : null;
  const shown: FieldErrors = {};
  for (const [name, message] of Object.entries(liveErrors) as [FieldName, string][]) {
    if (attempted || touched.has(name)) shown[name] = message;
  }
  if (serverField && serverField !== staleServerField && !shown[serverField]) shown[serverField] = serverError!.message;

  useEffect(() => {
    if (!serverField) return;
    setStaleServerField(null);
    focusField(serverField);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [serverError]);

  function focusField(name: FieldName) {
    if (ADVANCED_FIELDS.includes(name)) setAdvancedOpen(true);
    setTimeout(() => inputs.current.get(name)?.focus(), 0);
  }

  function setField(name: FieldName, value: string) {
    if (name === serverField) setStaleServerField(name);
    onChange({ ...values, [name]: value });
  }

  const markTouched = (name: FieldName) => setTouched((t) => new Set(t).add(name));
  const inputRef = (name: FieldName) => (element: HTMLInputElement | null) => {
    if (element) inputs.current.set(name, element);
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    const firstError = (Object.keys(liveErrors) as FieldName[])[0];
    if (firstError) {
      focusField(firstError);
      return;
    }
    onSubmit(values);
  }

  function submitOnModEnter(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      (event.currentTarget.closest('form') as HTMLFormElement | null)?.requestSubmit();
    }
  }

  /** What every text field of the form shares: value, change, touch, error state and focus target. */
  const fieldProps = (name: FieldName) => ({
    id: `field-${name}`,
    value: values[name],
    onChange: (e: { target: { value: string } }) => setField(name, e.target.value),
    onBlur: () => markTouched(name),
    error: Boolean(shown[name]),
    inputRef: inputRef(name),
  });

  const bytes = utf8Bytes(values.content);
  return (
    <Stack component="form" noValidate onSubmit={submit} spacing={2.5} aria-label="Create a QR code">
      <TextField
        {...fieldProps('content')}
        label="Link or text"
        placeholder="https://example.com"
        helperText={shown.content ?? (values.shortLink
          ? 'Where the short link leads; you can change it after printing'
          : `What the code opens when scanned · ${bytes} / ${limits.maxContentBytes} bytes`)}
        required
        autoFocus
        slotProps={{ htmlInput: { inputMode: 'url', autoComplete: 'url', spellCheck: false } }}
      />
      <ShortLinkOption links={limits.links} content={values.content} level={limits.defaults.errorCorrection}
        checked={values.shortLink} onChange={(shortLink) => onChange({ ...values, shortLink })} />
      <TextField
        {...fieldProps('prompt')}
        label="Prompt"
        placeholder="3D render of a mossy temple, fine art"
        onKeyDown={submitOnModEnter}
        helperText={shown.prompt ?? 'Describe the picture. Ctrl+Enter creates it.'}
        required
        multiline
        minRows={2}
      />
      <StylePresets onPick={(preset) => onChange({ ...values, prompt: preset.prompt, negativePrompt: preset.negativePrompt })} />
      <TextField
        {...fieldProps('negativePrompt')}
        label="Negative prompt"
        placeholder="blurry, low quality"
        onKeyDown={submitOnModEnter}
        helperText={shown.negativePrompt ?? 'What the picture should avoid (optional).'}
        multiline
      />
      <ScanStrengthPicker
        strengths={limits.scanStrengths}
        value={values.scanStrength}
        onChange={(scanStrength) => onChange({ ...values, scanStrength })}
      />
      <AdvancedParameters
        limits={limits}
        values={values}
        errors={shown}
        expanded={advancedOpen}
        onExpand={setAdvancedOpen}
        onField={setField}
        onBlur={markTouched}
        inputRef={inputRef}
      />
      <Stack direction="row" spacing={2} alignItems="center">
        <Button type="submit" variant="contained" size="large" startIcon={<AutoAwesomeIcon />} disabled={busy} sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
          {busy ? 'Creating…' : 'Create QR code'}
        </Button>
        <Typography variant="body2" color="text.secondary">Every result is checked to scan before you see it.</Typography>
      </Stack>
    </Stack>
  );
}
