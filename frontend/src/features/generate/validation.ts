import type { Limits, Range } from '../../types/api';
import type { FieldName, FormValues } from './form-values';

/** The gateway's rules (RequestValidator), checked as the user types; the gateway stays the judge. */
export type FieldErrors = Partial<Record<FieldName, string>>;

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]{0,31}):/;
// Controls other than tab/newline, and invisible formatting characters (bidi overrides, zero-width).
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are refused.
const HIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\p{Cf}]/u;
const encoder = new TextEncoder();

export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

function textError(label: string, value: string, max: number, required: boolean): string | undefined {
  if (required && value.trim() === '') return `${label} is required.`;
  if (value.length > max) return `${label} is ${value.length} characters; at most ${max}.`;
  if (HIDDEN.test(value)) return `${label} contains control or invisible formatting characters.`;
  return undefined;
}

/** A short link's destination: an http(s) link up to the links' own length (it need not fit a code). */
function destinationError(value: string, limits: Limits): string | undefined {
  const basic = textError('The link', value, limits.links.maxDestinationChars, true);
  if (basic) return basic;
  return /^https?:\/\/\S+$/i.test(value.trim()) ? undefined : 'A short link needs an http:// or https:// link.';
}

function contentError(value: string, limits: Limits, shortLink: boolean): string | undefined {
  if (shortLink) return destinationError(value, limits);
  const basic = textError('The link or text', value, limits.maxContentChars, true);
  if (basic) return basic;
  const bytes = utf8Bytes(value);
  if (bytes > limits.maxContentBytes) {
    return `Too long for a scannable QR code: ${bytes} bytes, at most ${limits.maxContentBytes}. Shorten it.`;
  }
  const scheme = SCHEME.exec(value.replace(/[\s\p{Cc}]/gu, ''));
  if (scheme) {
    const name = scheme[1].toLowerCase();
    if (limits.refusedSchemes.includes(name) || !limits.allowedSchemes.includes(name)) {
      return `Links starting with "${name}:" are not allowed; use one of: ${limits.allowedSchemes.join(', ')}.`;
    }
  }
  return undefined;
}

function numberError(label: string, raw: string, range: Range, integer: boolean): string | undefined {
  if (raw.trim() === '') return `${label} is required.`;
  const value = Number(raw);
  if (!Number.isFinite(value)) return `${label} must be a number.`;
  if (integer && !Number.isInteger(value)) return `${label} must be a whole number.`;
  if (value < range.min || value > range.max) return `${label} must be between ${range.min} and ${range.max}.`;
  return undefined;
}

export function validateForm(v: FormValues, limits: Limits): FieldErrors {
  const errors: FieldErrors = {
    content: contentError(v.content, limits, v.shortLink && limits.links.enabled),
    prompt: textError('The prompt', v.prompt, limits.maxPromptChars, true),
    negativePrompt: textError('The negative prompt', v.negativePrompt, limits.maxPromptChars, false),
    strength: numberError('Strength', v.strength, limits.strength, false),
    controlnetScale: numberError('QR strength', v.controlnetScale, limits.controlnetScale, false),
    guidanceScale: numberError('Prompt guidance', v.guidanceScale, limits.guidanceScale, false),
    steps: numberError('Steps', v.steps, { min: 1, max: limits.maxSteps }, true),
    candidates: numberError('Candidates', v.candidates, { min: 1, max: limits.maxCandidates }, true),
    seed: v.seed.trim() === '' ? undefined : numberError('Seed', v.seed, { min: 0, max: limits.maxSeed }, true),
    controlGuidanceStart: numberError('QR control from', v.controlGuidanceStart, limits.controlGuidance, false),
    controlGuidanceEnd: numberError('QR control until', v.controlGuidanceEnd, limits.controlGuidance, false),
    size: limits.allowedSizes.includes(Number(v.size)) ? undefined : `Size must be one of ${limits.allowedSizes.join(', ')}.`,
  };
  if (!errors.strength && !errors.steps && Math.floor(Number(v.steps) * Number(v.strength)) < 1) {
    errors.strength = 'With these steps this strength runs no denoising step; raise one of them.';
  }
  if (!errors.controlGuidanceStart && !errors.controlGuidanceEnd
      && Number(v.controlGuidanceStart) >= Number(v.controlGuidanceEnd)) {
    errors.controlGuidanceEnd = 'QR control must end after it starts.';
  }
  return Object.fromEntries(Object.entries(errors).filter(([, message]) => message)) as FieldErrors;
}
