/** Styles that scan and look good with the QR ControlNet (the original users' experience). */
export interface StylePreset {
  label: string;
  prompt: string;
  negativePrompt: string;
}

const COMMON_NEGATIVE = 'blurry, low quality, watermark, text, frame';

export const STYLE_PRESETS: StylePreset[] = [
  {
    label: '3D',
    prompt: '3D render of a mossy stone temple, soft global illumination, octane render, highly detailed',
    negativePrompt: COMMON_NEGATIVE,
  },
  {
    label: 'Fine art',
    prompt: 'fine art oil painting of a harbour at dusk, impasto brush strokes, rich colours, museum quality',
    negativePrompt: COMMON_NEGATIVE,
  },
  {
    label: 'Natural scene',
    prompt: 'natural scene, misty pine forest with a waterfall, golden hour light, photorealistic',
    negativePrompt: COMMON_NEGATIVE,
  },
  {
    label: 'Ink & paper',
    prompt: 'japanese ink wash painting of mountains and cranes, sumi-e, rice paper texture',
    negativePrompt: COMMON_NEGATIVE,
  },
];
