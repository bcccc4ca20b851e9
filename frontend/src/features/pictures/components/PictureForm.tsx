import { useState } from 'react';
import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ApiError } from '../../../lib/api-client';
import type { ErrorCorrection, Limits, Placement, ScanStrength } from '../../../types/api';
import { ScanStrengthPicker } from '../../../components/ScanStrengthPicker';
import { ShortLinkOption } from '../../../components/ShortLinkOption';
import { contentParts, missingField, FIELD_LABELS, type ContentValues } from '../content-fields';
import { ContentForm } from './ContentForm';
import { PictureDrop, type ChosenPicture } from './PictureDrop';

export type PictureMode = 'picture' | 'repair';

const LEVEL_LINES: Record<ErrorCorrection, string> = {
  L: 'L · fits the most content',
  M: 'M',
  Q: 'Q',
  H: 'H · survives the most damage',
};

interface Props {
  mode: PictureMode;
  limits: Limits;
  busy: boolean;
  serverError: ApiError | null;
  onSubmit: (picture: ChosenPicture, fields: Record<string, string>) => void;
}

/** "Your picture" (make it carry a code) and "Fix a code" (repair the code in it): a picture, the content, the strength. */
export function PictureForm({ mode, limits, busy, serverError, onSubmit }: Props) {
  const [picture, setPicture] = useState<ChosenPicture | null>(null);
  const [content, setContent] = useState<ContentValues>({ type: 'url', fields: {} });
  const [strength, setStrength] = useState<ScanStrength>(limits.defaults.scanStrength);
  const [level, setLevel] = useState<ErrorCorrection>(limits.defaults.errorCorrection);
  const [placement, setPlacement] = useState<Placement>(limits.defaults.placement);
  const [description, setDescription] = useState('');
  const [shortLink, setShortLink] = useState(false);
  const [local, setLocal] = useState<{ field: string; message: string } | null>(null);
  const id = mode === 'picture' ? 'picture' : 'repair';

  const server = serverError?.field ? { field: serverError.field, message: serverError.message } : null;
  const shown = local ?? server;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!picture) {
      setLocal({ field: 'image', message: 'Choose a picture first.' });
      return;
    }
    const missing = missingField(content, limits.contentTypes);
    if (missing) {
      setLocal({ field: content.type === 'url' ? 'content' : `contentFields.${missing}`, message: `${FIELD_LABELS[missing] ?? missing} is required.` });
      return;
    }
    setLocal(null);
    const fields: Record<string, string> = { ...contentParts(content), scanStrength: strength, prompt: description.trim() };
    if (mode === 'picture') Object.assign(fields, { errorCorrection: level, placement });
    if (mode === 'picture' && content.type === 'url' && shortLink) fields.shortLink = 'true';
    onSubmit(picture, fields);
  }

  return (
    <Stack component="form" spacing={3} onSubmit={submit} noValidate aria-label={mode === 'picture' ? 'Your picture' : 'Fix a code'}>
      <Typography variant="body2" color="text.secondary">
        {mode === 'picture'
          ? 'Your logo, photo or drawing becomes the QR code: the picture changes only where the code needs it.'
          : 'A code that does not scan: we find it, fix the fewest modules, and show what was wrong.'}
      </Typography>
      <PictureDrop
        idPrefix={id}
        label={mode === 'picture' ? 'Choose your picture' : 'Choose the picture with the code'}
        offerSquareCrop={mode === 'picture'}
        onChange={setPicture}
        error={shown?.field === 'image' ? shown.message : undefined}
      />
      <ContentForm idPrefix={id} types={limits.contentTypes} value={content} onChange={setContent} fieldError={shown} />
      {mode === 'picture' && content.type === 'url' && (
        <ShortLinkOption links={limits.links} content={content.fields.url ?? ''} level={level} checked={shortLink} onChange={setShortLink} />
      )}
      {mode === 'picture' && (
        <>
          <TextField select id={`${id}-level`} label="Error correction" value={level} onChange={(e) => setLevel(e.target.value as ErrorCorrection)}
            helperText={`Up to ${limits.maxContentBytesByLevel[level]} bytes of content at this level`}>
            {limits.errorCorrectionLevels.map((l) => <MenuItem key={l} value={l}>{LEVEL_LINES[l]}</MenuItem>)}
          </TextField>
          <FormControl>
            <FormLabel id={`${id}-placement-label`}>Where the code goes</FormLabel>
            <RadioGroup row aria-labelledby={`${id}-placement-label`} value={placement} onChange={(e) => setPlacement(e.target.value as Placement)}>
              <FormControlLabel value="fill" control={<Radio size="small" />} label="The whole picture" />
              <FormControlLabel value="center" control={<Radio size="small" />} label="A square in the middle" />
            </RadioGroup>
          </FormControl>
        </>
      )}
      <TextField id={`${id}-description`} label="Describe the picture (optional, for the gallery)" value={description}
        onChange={(e) => setDescription(e.target.value)} slotProps={{ htmlInput: { maxLength: limits.maxPromptChars } }} />
      <ScanStrengthPicker strengths={limits.scanStrengths} value={strength} onChange={setStrength} />
      <Button type="submit" variant="contained" size="large" disabled={busy}>
        {mode === 'picture' ? 'Make my picture a QR code' : 'Fix my code'}
      </Button>
    </Stack>
  );
}
