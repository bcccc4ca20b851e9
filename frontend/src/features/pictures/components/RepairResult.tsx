import { useState } from 'react';
import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import Slider from '@mui/material/Slider';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { resolveUrl } from '../../../lib/api-client';
import type { Generation, ModuleKind } from '../../../types/api';

/** Outline colours of wrong modules, by the part of the code they belong to. */
const KIND_COLOURS: Record<ModuleKind, string> = {
  finder: '#e53935',
  timing: '#fb8c00',
  alignment: '#fdd835',
  format: '#8e24aa',
  version: '#3949ab',
  data: '#00acc1',
  'quiet-zone': '#43a047',
};

const KIND_NAMES: Record<ModuleKind, string> = {
  finder: 'finder patterns',
  timing: 'timing lines',
  alignment: 'alignment patterns',
  format: 'format information',
  version: 'version information',
  data: 'data',
  'quiet-zone': 'quiet zone',
};

/** What the repair did, in words a person reads. */
export function repairSummary(generation: Generation): string {
  const report = generation.scanReport;
  if (!report) return '';
  if (!report.repaired) return 'It already scans on every reader we check: nothing was changed.';
  const changed = Math.max(0.1, Math.round(report.pixelsChangedShare * 1000) / 10);
  const reads = report.robustnessTargetMet === false ? 'now reads up close; it may fail from far away' : 'now reads on phones';
  const border = report.borderPixels ? ` and added a ${report.borderPixels} px light border around it` : '';
  return `Changed ${changed}% of the picture${border}; ${reads}.`;
}

/** Before and after with a slider, the map of what was wrong as an overlay, and the figures in words. */
export function RepairResult({ generation }: { generation: Generation }) {
  const [split, setSplit] = useState(50);
  const [showMap, setShowMap] = useState(true);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const map = generation.moduleMap;
  if (!generation.imageUrl || !generation.sourceUrl) return null;
  const counts = map ? (Object.entries(map.wrongByKind) as [ModuleKind, number][]) : [];
  const border = generation.scanReport?.borderPixels ?? 0;
  // The repaired image is the picture plus a border on every side: the picture is inset by it so both line up.
  const inset = size && border > 0 ? `${(100 * border) / (size.width + 2 * border)}%` : 0;
  return (
    <Stack spacing={2}>
      <Box sx={{ position: 'relative', width: '100%', maxWidth: 512 }} data-testid="before-after">
        <Box sx={{ p: inset }} data-testid="before-inset">
          <Box sx={{ position: 'relative' }}>
            <Box component="img" src={resolveUrl(generation.sourceUrl)} alt="Before the repair" sx={{ width: '100%', display: 'block' }}
              onLoad={(e) => setSize({ width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight })} />
            {showMap && map && size && (
              <Box component="svg" viewBox={`0 0 ${size.width} ${size.height}`} data-testid="module-map"
                sx={{ position: 'absolute', inset: 0, width: '100%', height: '100%', pointerEvents: 'none', zIndex: 1 }}>
                {map.wrong.map((m) => (
                  <polygon key={`${m.x},${m.y}`} points={m.outline.join(' ')} fill="none" stroke={KIND_COLOURS[m.kind]} strokeWidth={Math.max(1, size.width / 400)} />
                ))}
              </Box>
            )}
          </Box>
        </Box>
        <Box sx={{ position: 'absolute', inset: 0, clipPath: `inset(0 0 0 ${split}%)` }}>
          <Box component="img" src={resolveUrl(generation.imageUrl)} alt="After the repair" sx={{ width: '100%', height: '100%', objectFit: 'cover', display: 'block' }} />
        </Box>
      </Box>
      <Slider value={split} onChange={(_, v) => setSplit(v as number)} aria-label="Before and after" valueLabelDisplay="off" />
      <Typography variant="caption" color="text.secondary">Left of the line: before · right: after</Typography>
      {map && (
        <FormControlLabel control={<Switch checked={showMap} onChange={(e) => setShowMap(e.target.checked)} />} label="Show what was wrong" />
      )}
      <Typography>{repairSummary(generation)}</Typography>
      {counts.length > 0 && (
        <Typography variant="body2" color="text.secondary" component="div">
          Wrong before:{' '}
          {counts.map(([kind, n], i) => (
            <span key={kind} style={{ color: KIND_COLOURS[kind] }}>{i > 0 ? ', ' : ''}{n} {KIND_NAMES[kind]}</span>
          ))}
        </Typography>
      )}
    </Stack>
  );
}
