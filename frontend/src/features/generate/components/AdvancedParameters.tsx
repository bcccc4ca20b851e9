import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import type { Limits } from '../../../types/api';
import type { FieldName, FormValues } from '../form-values';
import type { FieldErrors } from '../validation';

export const ADVANCED_FIELDS: FieldName[] = [
  'strength', 'controlnetScale', 'guidanceScale', 'controlGuidanceStart', 'controlGuidanceEnd', 'steps', 'seed', 'size', 'candidates',
];

interface NumberField {
  name: FieldName;
  label: string;
  explain: string;
  step: string;
}

const NUMBER_FIELDS: NumberField[] = [
  { name: 'strength', label: 'Strength', step: '0.01', explain: 'How far the art may move from the QR pattern: higher is more artistic, lower scans more easily.' },
  { name: 'controlnetScale', label: 'QR strength', step: '0.05', explain: 'How hard the QR pattern steers the image: higher scans more reliably, lower looks more natural.' },
  { name: 'guidanceScale', label: 'Prompt guidance', step: '0.5', explain: 'How literally the prompt is followed: higher sticks to your words, lower is more varied.' },
  { name: 'controlGuidanceStart', label: 'QR control from', step: '0.05', explain: 'Share of the steps before the QR pattern starts steering: later leaves the composition freer.' },
  { name: 'controlGuidanceEnd', label: 'QR control until', step: '0.05', explain: 'Share of the steps after which the QR pattern stops steering: earlier gives more art, later scans more reliably.' },
  { name: 'steps', label: 'Steps', step: '1', explain: 'Denoising steps: more gives finer detail and takes longer.' },
  { name: 'candidates', label: 'Candidates', step: '1', explain: 'Images made at once; the best one that scans is kept. More raises the odds and takes longer.' },
  { name: 'seed', label: 'Seed', step: '1', explain: 'Same seed and settings give the same image. Leave empty for a random one.' },
];

interface Props {
  limits: Limits;
  values: FormValues;
  errors: FieldErrors;
  expanded: boolean;
  onExpand: (expanded: boolean) => void;
  onField: (name: FieldName, value: string) => void;
  onBlur: (name: FieldName) => void;
  inputRef: (name: FieldName) => (element: HTMLInputElement | null) => void;
}

export function AdvancedParameters({ limits, values, errors, expanded, onExpand, onField, onBlur, inputRef }: Props) {
  return (
    <Accordion expanded={expanded} onChange={(_, open) => onExpand(open)}>
      <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-controls="advanced-parameters" id="advanced-parameters-header">
        <Typography component="span" fontWeight={600}>Advanced parameters</Typography>
      </AccordionSummary>
      <AccordionDetails id="advanced-parameters">
        <Grid container spacing={2}>
          {NUMBER_FIELDS.map((field) => (
            <Grid key={field.name} size={{ xs: 12, sm: 6 }}>
              <TextField
                id={`field-${field.name}`}
                label={field.label}
                type="number"
                value={values[field.name]}
                onChange={(e) => onField(field.name, e.target.value)}
                onBlur={() => onBlur(field.name)}
                error={Boolean(errors[field.name])}
                helperText={errors[field.name] ?? field.explain}
                inputRef={inputRef(field.name)}
                slotProps={{ htmlInput: { step: field.step, inputMode: 'decimal' } }}
              />
            </Grid>
          ))}
          <Grid size={{ xs: 12, sm: 6 }}>
            <TextField
              id="field-size"
              select
              label="Size"
              value={values.size}
              onChange={(e) => onField('size', e.target.value)}
              error={Boolean(errors.size)}
              helperText={errors.size ?? 'Output size in pixels: larger is sharper and takes longer.'}
              inputRef={inputRef('size')}
            >
              {limits.allowedSizes.map((size) => (
                <MenuItem key={size} value={String(size)}>{size} × {size}</MenuItem>
              ))}
            </TextField>
          </Grid>
        </Grid>
      </AccordionDetails>
    </Accordion>
  );
}
