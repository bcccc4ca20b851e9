/** The gateway's JSON shapes (see /q/openapi). */

export interface Range {
  min: number;
  max: number;
}

export interface Limits {
  maxContentChars: number;
  maxContentBytes: number;
  allowedSchemes: string[];
  refusedSchemes: string[];
  maxPromptChars: number;
  allowedSizes: number[];
  strength: Range;
  controlnetScale: Range;
  guidanceScale: Range;
  /** Both ends of the control window lie in it; the start below the end. */
  controlGuidance: Range;
  maxSteps: number;
  maxCandidates: number;
  maxSeed: number;
  /** Accepted values of scanStrength, in order from artistic to robust. */
  scanStrengths: ScanStrength[];
  /** Accepted values of errorCorrection, L (most content) to H (most damage survived). */
  errorCorrectionLevels: ErrorCorrection[];
  /** The QR byte capacity (UTF-8) at the version cap, for each level. */
  maxContentBytesByLevel: Record<ErrorCorrection, number>;
  /** Structured content types and their fields, in the order a form offers them. */
  contentTypes: ContentType[];
  /** What picture uploads may be. */
  uploads: {
    maxImageBytes: number;
    maxPixels: number;
    formats: string[];
    placements: Placement[];
    minModulePixels: number;
    maxSide: number;
    jobKinds: JobKind[];
  };
  /** Short links: on or off, the URL before the code, the longest destination, a short link's version per level. */
  links: LinkLimits;
  defaults: {
    strength: number;
    controlnetScale: number;
    guidanceScale: number;
    steps: number;
    size: number;
    candidates: number;
    controlGuidanceStart: number;
    controlGuidanceEnd: number;
    scanStrength: ScanStrength;
    errorCorrection: ErrorCorrection;
    placement: Placement;
  };
}

export type ErrorCorrection = 'L' | 'M' | 'Q' | 'H';

export interface LinkLimits {
  enabled: boolean;
  baseUrl: string | null;
  maxDestinationChars: number;
  versionByLevel: Partial<Record<ErrorCorrection, number>>;
}

/** GET /api/v1/limits/version: the QR version a content needs, and a short link's for a link. */
export interface VersionHint {
  errorCorrection: ErrorCorrection;
  /** Null: more than any QR version holds. */
  version: number | null;
  /** Null: not a link, or short links are off. */
  shortLinkVersion: number | null;
  maxVersion: number;
}

/** One change of a short link: where it led from then on, and whether it answered. */
export interface LinkChange {
  at: string;
  destination: string;
  disabled: boolean;
}

/** Scans of one UTC day by platform. */
export interface DayCounts {
  day: string;
  ios: number;
  android: number;
  other: number;
}

/** A short link as its owner sees it (GET/PATCH /api/v1/links/{code}). */
export interface LinkView {
  code: string;
  shortUrl: string | null;
  destination: string;
  disabled: boolean;
  createdAt: string;
  history: LinkChange[];
  /** Newest day first. */
  scans: DayCounts[];
  totalScans: number;
}

/** Where the code sits in an uploaded picture: over all of it (square) or a centred square. */
export type Placement = 'fill' | 'center';

/** What a job made: art from a prompt, the user's own picture as a code, or a fixed code. */
export type JobKind = 'generated' | 'picture' | 'repair';

export interface ContentType {
  type: string;
  required: string[];
  optional: string[];
}

/** How hard the gateway pushes a code towards reading as well as a plain one. */
export type ScanStrength = 'artistic' | 'balanced' | 'robust';

export interface GenerationRequest {
  content: string;
  prompt: string;
  negativePrompt?: string;
  strength?: number;
  controlnetScale?: number;
  guidanceScale?: number;
  steps?: number;
  seed?: number;
  size?: number;
  candidates?: number;
  /** When one image of this size does not fit the GPU, make it once at the next smaller size. */
  allowSmallerSize?: boolean;
  /** The share of the denoising steps the QR ControlNet runs from and until. */
  controlGuidanceStart?: number;
  controlGuidanceEnd?: number;
  scanStrength?: ScanStrength;
  /** Either content or contentFields: {type: 'wifi', ssid: ..., ...}. */
  contentFields?: Record<string, string>;
  errorCorrection?: ErrorCorrection;
  /** The code carries a short link to `content` (a link), changeable after printing. */
  shortLink?: boolean;
}

export type GenerationStatus = 'queued' | 'running' | 'done' | 'failed';

export interface Parameters {
  prompt: string;
  negativePrompt: string;
  strength: number;
  controlnetScale: number;
  guidanceScale: number;
  steps: number;
  seed: number;
  size: number;
  candidates: number;
  allowSmallerSize: boolean;
  controlGuidanceStart: number;
  controlGuidanceEnd: number;
  scanStrength: ScanStrength;
  /** Null in records made before it could be chosen (the configured level). */
  errorCorrection: ErrorCorrection | null;
  /** Picture jobs only. */
  placement: Placement | null;
}

export type ModuleKind = 'finder' | 'timing' | 'alignment' | 'format' | 'version' | 'data' | 'quiet-zone';

/** The modules a reader saw wrong before a repair, each with its outline in the picture's pixels. */
export interface ModuleMap {
  width: number;
  quietZone: number;
  wrong: { x: number; y: number; kind: ModuleKind; shouldBeDark: boolean; outline: number[] }[];
  wrongByKind: Partial<Record<ModuleKind, number>>;
  modulesByKind: Partial<Record<ModuleKind, number>>;
  blocks: { errors: number; correctable: number }[];
  ecHeadroom: number;
}

export interface ScanReport {
  verified: boolean;
  decoder: string;
  candidatesTried: number;
  candidatesVerified: number;
  repaired: boolean;
  modulesTouched: number;
  pixelsChangedShare: number;
  /** SSIM of the repaired image to the unrepaired candidate (1 when not repaired). */
  ssim: number;
  robustness: number;
  /** Generation rounds it took; more than 1 when the first candidates could not be made to scan. */
  rounds: number;
  /** Module errors of the delivered image against the symbol; ecHeadroom 1 = clean, 0 = at the limit. */
  analysis: { functionModuleErrors: number; quietZoneErrors: number; ecHeadroom: number } | null;
  /** The strength fields are null in reports stored before strengths existed. */
  scanStrength: ScanStrength | null;
  /** The same camera suite's score of a plain black-on-white code of the symbol. */
  plainRobustness: number | null;
  /** robustness / plainRobustness: 1 = as robust as a plain code. */
  relativeRobustness: number | null;
  robustnessTarget: number | null;
  /** False: it scans (every reader read it) but falls short of its strength's target. */
  robustnessTargetMet: boolean | null;
  /** Light border, in pixels, added on every side of a code that reached its picture's edges (null in older reports). */
  borderPixels?: number | null;
  /** The delivered symbol's QR version (null in older reports). */
  symbolVersion?: number | null;
  /** Exactly what every reader reads: a short link, or a link with its scheme and host in capitals (null in older reports). */
  encodedText?: string | null;
}

export interface Generation {
  id: string;
  kind: JobKind;
  status: GenerationStatus;
  progress: number;
  /** What a running job waits for, e.g. "waiting for the model server"; null otherwise. */
  message: string | null;
  content: string;
  /** The short link the code carries instead of `content` (its destination); null without one. */
  shortUrl: string | null;
  parameters: Parameters;
  imageUrl: string | null;
  thumbnailUrl: string | null;
  /** The uploaded picture (picture and repair jobs). */
  sourceUrl: string | null;
  scanReport: ScanReport | null;
  /** Repairs only: what was wrong with the code before. */
  moduleMap: ModuleMap | null;
  error: string | null;
  /** Requests sent again after a model server outage (same seed and parameters). */
  modelServerRetries: number;
  createdAt: string;
  updatedAt: string;
}

export interface Accepted {
  id: string;
  status: GenerationStatus;
  statusUrl: string;
  shortUrl: string | null;
  /** Proof for changing the short link when no API key owns it: shown only here. */
  editToken: string | null;
}

export interface GalleryPage {
  items: Generation[];
  nextCursor: string | null;
}

export interface ApiErrorBody {
  status: number;
  error: string;
  field: string | null;
}

/** Who a browser session stands for (GET/POST /api/v1/session). */
export interface SessionView {
  keyId: string;
  name: string;
}
