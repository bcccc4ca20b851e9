import type { Generation, Limits, Parameters } from '../types/api';

export const API = 'http://localhost:3000';

export const limits: Limits = {
  maxContentChars: 1000,
  maxContentBytes: 120,
  allowedSchemes: ['https', 'http', 'mailto'],
  refusedSchemes: ['data', 'file', 'javascript', 'vbscript'],
  maxPromptChars: 1000,
  allowedSizes: [512, 768],
  strength: { min: 0.01, max: 1 },
  controlnetScale: { min: 0, max: 4 },
  guidanceScale: { min: 0, max: 30 },
  controlGuidance: { min: 0, max: 1 },
  maxSteps: 100,
  maxCandidates: 8,
  maxSeed: 2 ** 53 - 1,
  defaults: { strength: 0.9, controlnetScale: 1.3, guidanceScale: 7.5, steps: 30, size: 512, candidates: 1,
    controlGuidanceStart: 0, controlGuidanceEnd: 1, scanStrength: 'balanced', errorCorrection: 'H', placement: 'fill' },
  scanStrengths: ['artistic', 'balanced', 'robust'],
  errorCorrectionLevels: ['L', 'M', 'Q', 'H'],
  maxContentBytesByLevel: { L: 271, M: 213, Q: 151, H: 119 },
  contentTypes: [
    { type: 'url', required: ['url'], optional: [] },
    { type: 'text', required: ['text'], optional: [] },
    { type: 'wifi', required: ['ssid'], optional: ['password', 'security', 'hidden'] },
  ],
  uploads: {
    maxImageBytes: 15 * 1024 * 1024, maxPixels: 40_000_000, formats: ['png', 'jpeg', 'gif', 'bmp', 'tiff'],
    placements: ['fill', 'center'], minModulePixels: 4, maxSide: 1024, jobKinds: ['generated', 'picture', 'repair'],
  },
  links: { enabled: true, baseUrl: 'HTTP://LOCALHOST:8080/S/', maxDestinationChars: 2048, versionByLevel: { L: 2, M: 2, Q: 3, H: 3 } },
};

export function parameters(overrides: Partial<Parameters> = {}): Parameters {
  return {
    prompt: 'fine art oil painting of a harbour',
    negativePrompt: '',
    strength: 0.9,
    controlnetScale: 1.3,
    guidanceScale: 7.5,
    steps: 30,
    seed: 42,
    size: 512,
    candidates: 1,
    allowSmallerSize: true,
    controlGuidanceStart: 0,
    controlGuidanceEnd: 1,
    scanStrength: 'balanced',
    errorCorrection: 'H',
    placement: null,
    ...overrides,
  };
}

export function doneGeneration(id: string, p: Parameters, content = 'https://example.com/art'): Generation {
  return {
    id,
    kind: 'generated',
    status: 'done',
    progress: 1,
    message: null,
    content,
    shortUrl: null,
    parameters: p,
    imageUrl: `/api/v1/images/${id}.png`,
    thumbnailUrl: `/api/v1/images/${id}-thumb.png`,
    sourceUrl: null,
    moduleMap: null,
    scanReport: {
      verified: true, decoder: 'zxing+wechat+boofcv', candidatesTried: 1, candidatesVerified: 1,
      repaired: true, modulesTouched: 37, pixelsChangedShare: 0.12, ssim: 0.94, robustness: 0.93, rounds: 1,
      analysis: { functionModuleErrors: 0, quietZoneErrors: 0, ecHeadroom: 0.6 },
      scanStrength: p.scanStrength, plainRobustness: 0.96, relativeRobustness: 0.97, robustnessTarget: 0.92,
      robustnessTargetMet: true,
    },
    error: null,
    modelServerRetries: 0,
    createdAt: '2026-11-28T10:00:00Z',
    updatedAt: '2026-11-28T10:00:06Z',
  };
}
