import { useEffect, useRef, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import UploadFileIcon from '@mui/icons-material/UploadFile';

/** A chosen picture: the file as it will be sent and its size in pixels. */
export interface ChosenPicture {
  file: Blob;
  name: string;
  width: number;
  height: number;
}

interface Props {
  idPrefix: string;
  label: string;
  /** Offer "crop to a square" when the picture is not square. */
  offerSquareCrop: boolean;
  onChange: (picture: ChosenPicture | null) => void;
  error?: string;
}

function load(file: Blob): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('not a picture'));
    image.src = URL.createObjectURL(file);
  });
}

/** The centred square of the picture as a PNG, drawn in the browser. */
async function squareCrop(image: HTMLImageElement): Promise<Blob | null> {
  const side = Math.min(image.naturalWidth, image.naturalHeight);
  const canvas = document.createElement('canvas');
  canvas.width = side;
  canvas.height = side;
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.drawImage(image, (image.naturalWidth - side) / 2, (image.naturalHeight - side) / 2, side, side, 0, 0, side, side);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}

/** Drop a picture or pick one; a preview, its size, and a square crop when it is not square. */
export function PictureDrop({ idPrefix, label, offerSquareCrop, onChange, error }: Props) {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const [crop, setCrop] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => () => { if (preview) URL.revokeObjectURL(preview); }, [preview]);

  useEffect(() => {
    if (!file) return;
    let cancelled = false;
    void (async () => {
      try {
        const image = await load(file);
        if (cancelled) return;
        const square = image.naturalWidth === image.naturalHeight;
        setSize({ width: image.naturalWidth, height: image.naturalHeight });
        setProblem(null);
        if (offerSquareCrop && crop && !square) {
          const cropped = await squareCrop(image);
          const side = Math.min(image.naturalWidth, image.naturalHeight);
          if (!cancelled && cropped) changed.current({ file: cropped, name: 'cropped.png', width: side, height: side });
        } else {
          changed.current({ file, name: file.name, width: image.naturalWidth, height: image.naturalHeight });
        }
      } catch {
        if (cancelled) return;
        // The browser cannot show it; the gateway still judges it and says why.
        setSize(null);
        changed.current({ file, name: file.name, width: 0, height: 0 });
      }
    })();
    return () => { cancelled = true; };
  }, [file, crop, offerSquareCrop]);

  function choose(chosen: File | undefined) {
    if (!chosen) return;
    // Usable at once as it is; a square crop replaces it once the browser has decoded it.
    onChange({ file: chosen, name: chosen.name, width: 0, height: 0 });
    setFile(chosen);
    setPreview(URL.createObjectURL(chosen));
  }

  const square = size ? size.width === size.height : true;
  return (
    <Stack spacing={1}>
      <Box
        data-testid={`${idPrefix}-drop`}
        onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => { e.preventDefault(); setDragging(false); choose(e.dataTransfer.files[0]); }}
        sx={{
          border: 2,
          borderStyle: 'dashed',
          borderColor: error || problem ? 'error.main' : dragging ? 'primary.main' : 'divider',
          borderRadius: 2,
          p: 2,
          textAlign: 'center',
        }}
      >
        {preview ? (
          <Box component="img" src={preview} alt="The chosen picture" sx={{ maxWidth: '100%', maxHeight: 240, objectFit: 'contain' }} />
        ) : (
          <Typography color="text.secondary">Drop a picture here</Typography>
        )}
        <Box sx={{ mt: 1 }}>
          <input
            ref={input}
            id={`${idPrefix}-file`}
            type="file"
            accept="image/png,image/jpeg,image/gif,image/bmp,image/tiff"
            aria-label={label}
            hidden
            onChange={(e) => choose(e.target.files?.[0])}
          />
          <Button variant="outlined" startIcon={<UploadFileIcon />} onClick={() => input.current?.click()}>
            {file ? 'Choose another picture' : label}
          </Button>
        </Box>
      </Box>
      {size && (
        <Typography variant="caption" color="text.secondary">{file?.name}: {size.width} × {size.height} px</Typography>
      )}
      {offerSquareCrop && size && !square && (
        <FormControlLabel control={<Switch checked={crop} onChange={(e) => setCrop(e.target.checked)} />} label="Crop to a centred square" />
      )}
      {(error || problem) && <Typography color="error" variant="body2" role="alert">{error ?? problem}</Typography>}
    </Stack>
  );
}
