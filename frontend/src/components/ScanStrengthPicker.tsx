import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Typography from '@mui/material/Typography';
import type { ScanStrength } from '../types/api';

/** One line per strength: what the picture gives up for how well the code reads. */
export const STRENGTH_LINES: Record<ScanStrength, { label: string; line: string }> = {
  artistic: { label: 'Artistic', line: 'The picture first: small repairs; reads up close.' },
  balanced: { label: 'Balanced', line: 'Reads about as well as a plain code in most conditions; the pattern shows where the picture needs it.' },
  robust: { label: 'Robust', line: 'Reads like a plain code, from afar and in poor light; the pattern shows more.' },
};

interface Props {
  strengths: ScanStrength[];
  value: ScanStrength;
  onChange: (value: ScanStrength) => void;
}

export function ScanStrengthPicker({ strengths, value, onChange }: Props) {
  return (
    <FormControl>
      <FormLabel id="scan-strength-label">Scan strength</FormLabel>
      <RadioGroup
        aria-labelledby="scan-strength-label"
        name="scanStrength"
        value={value}
        onChange={(event) => onChange(event.target.value as ScanStrength)}
      >
        {strengths.map((strength) => (
          <FormControlLabel
            key={strength}
            value={strength}
            control={<Radio size="small" />}
            label={
              <Typography variant="body2">
                <strong>{STRENGTH_LINES[strength]?.label ?? strength}</strong>
                {STRENGTH_LINES[strength] ? ` · ${STRENGTH_LINES[strength].line}` : ''}
              </Typography>
            }
          />
        ))}
      </RadioGroup>
    </FormControl>
  );
}
