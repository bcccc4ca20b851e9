import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { STYLE_PRESETS, type StylePreset } from '../presets';

export function StylePresets({ onPick }: { onPick: (preset: StylePreset) => void }) {
  return (
    <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" alignItems="center" role="group" aria-label="Style presets">
      <Typography variant="body2" color="text.secondary">Styles that scan well:</Typography>
      {STYLE_PRESETS.map((preset) => (
        <Chip key={preset.label} label={preset.label} variant="outlined" onClick={() => onPick(preset)} />
      ))}
    </Stack>
  );
}
