import type { GenerationRequest, Limits, Parameters, ScanStrength } from '../../types/api';

/** What the form holds: text as typed, so half-typed numbers can be shown and explained. */
export interface FormValues {
  content: string;
  prompt: string;
  negativePrompt: string;
  strength: string;
  controlnetScale: string;
  guidanceScale: string;
  steps: string;
  /** Empty: the gateway picks a random seed (reported back, so the result can be reproduced). */
  seed: string;
  size: string;
  candidates: string;
  controlGuidanceStart: string;
  controlGuidanceEnd: string;
  scanStrength: ScanStrength;
  /** The code carries a short link to the content (a link). */
  shortLink: boolean;
}

export type FieldName = keyof FormValues;

export function defaultValues(limits: Limits): FormValues {
  const d = limits.defaults;
  return {
    content: '',
    prompt: '',
    negativePrompt: '',
    strength: String(d.strength),
    controlnetScale: String(d.controlnetScale),
    guidanceScale: String(d.guidanceScale),
    steps: String(d.steps),
    seed: '',
    size: String(d.size),
    candidates: String(d.candidates),
    controlGuidanceStart: String(d.controlGuidanceStart),
    controlGuidanceEnd: String(d.controlGuidanceEnd),
    scanStrength: d.scanStrength,
    shortLink: false,
  };
}

/** The form filled from an earlier generation ("reuse"). */
export function valuesFrom(content: string, p: Parameters): FormValues {
  return {
    content,
    prompt: p.prompt,
    negativePrompt: p.negativePrompt,
    strength: String(p.strength),
    controlnetScale: String(p.controlnetScale),
    guidanceScale: String(p.guidanceScale),
    steps: String(p.steps),
    seed: String(p.seed),
    size: String(p.size),
    candidates: String(p.candidates),
    controlGuidanceStart: String(p.controlGuidanceStart),
    controlGuidanceEnd: String(p.controlGuidanceEnd),
    // Records made before strengths existed carry none.
    scanStrength: p.scanStrength ?? 'balanced',
    // A reused prompt makes a new code; a new short link only when asked for again.
    shortLink: false,
  };
}

export function randomSeed(maxSeed: number): string {
  const words = new Uint32Array(2);
  crypto.getRandomValues(words);
  // 53 random bits at most: JSON numbers stay exact.
  const value = (words[0] % 2 ** 21) * 2 ** 32 + words[1];
  return String(value % (maxSeed + 1));
}

/** The request body; call only once validateForm found nothing. */
export function toRequest(v: FormValues): GenerationRequest {
  const request: GenerationRequest = {
    content: v.content,
    prompt: v.prompt,
    strength: Number(v.strength),
    controlnetScale: Number(v.controlnetScale),
    guidanceScale: Number(v.guidanceScale),
    steps: Number(v.steps),
    size: Number(v.size),
    candidates: Number(v.candidates),
    controlGuidanceStart: Number(v.controlGuidanceStart),
    controlGuidanceEnd: Number(v.controlGuidanceEnd),
    scanStrength: v.scanStrength,
    // A person at the form would rather get a smaller image than none; the result shows its size.
    allowSmallerSize: true,
  };
  if (v.negativePrompt.trim() !== '') request.negativePrompt = v.negativePrompt;
  if (v.seed.trim() !== '') request.seed = Number(v.seed);
  if (v.shortLink) request.shortLink = true;
  return request;
}
