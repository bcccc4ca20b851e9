import { http, HttpResponse } from 'msw';
import { ApiError } from '../lib/api-client';
import type { Accepted, Generation, GenerationRequest, JobKind, LinkView, ModuleMap } from '../types/api';
import { API, doneGeneration, limits, parameters } from './fixtures';

/**
 * An in-memory stand-in for the gateway's API: a submitted generation is queued for the first
 * POLLS_PER_STATE status polls, running for the next ones and done (or failed, for a prompt
 * containing "unscannable") after; a prompt containing "outage" waits for the model server in between.
 */
/**
 * Status polls each state lasts: long enough (at the tests' 20 ms poll interval) that a test
 * looking for a state after its click still finds it on a busy machine.
 */
const POLLS_PER_STATE = 3;

interface FakeJob {
  request: GenerationRequest;
  kind: JobKind;
  polls: number;
}

/** An upload as the fake gateway saw it: the endpoint, the file's name and the text fields. */
export interface SeenUpload {
  path: string;
  fileName: string;
  fields: Record<string, string>;
}

/** The short link a fake generation with shortLink gets, and the token that proves its owner. */
export const SHORT_URL = 'HTTP://LOCALHOST:8080/S/ABCDE';
export const EDIT_TOKEN = 'qrl_fake-edit-token';

export const gateway = {
  gallery: [] as Generation[],
  link: null as LinkView | null,
  jobs: new Map<string, FakeJob>(),
  submitted: [] as GenerationRequest[],
  uploads: [] as SeenUpload[],
  reset() {
    this.gallery = [];
    this.jobs.clear();
    this.submitted = [];
    this.uploads = [];
    this.link = null;
  },
};

/** What a finished upload job adds: a fixed code shows its picture before and what was wrong. */
function uploadResult(id: string, kind: JobKind, done: Generation): Generation {
  if (kind === 'generated') return done;
  const moduleMap: ModuleMap | null = kind === 'repair'
    ? {
      width: 25, quietZone: 4, ecHeadroom: -0.2, blocks: [{ errors: 9, correctable: 7 }],
      wrong: [
        { x: 0, y: 0, kind: 'finder', shouldBeDark: true, outline: [40, 40, 48, 40, 48, 48, 40, 48] },
        { x: 12, y: 12, kind: 'data', shouldBeDark: false, outline: [136, 136, 144, 136, 144, 144, 136, 144] },
      ],
      wrongByKind: { finder: 1, data: 1 }, modulesByKind: { finder: 192, data: 352 },
    }
    : null;
  return { ...done, kind, sourceUrl: `/api/v1/images/${id}_source.png`, moduleMap, parameters: { ...done.parameters, placement: kind === 'picture' ? 'fill' : null } };
}

/**
 * An upload as the gateway answers it (jsdom cannot stream a multipart body to MSW, so tests
 * put this in place of the upload call; the real multipart path runs in the end-to-end tests).
 * A description containing "no code" is refused as a picture without a code.
 */
export async function fakeUpload(path: 'pictures' | 'repairs', _file: Blob, fileName: string, fields: Record<string, string>): Promise<Accepted> {
  gateway.uploads.push({ path, fileName, fields: Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== '')) });
  if (fields.prompt?.includes('no code')) {
    throw new ApiError('no QR code was found in the picture', 422, 'image');
  }
  const id = `up${gateway.jobs.size + 1}abcdef`;
  const content = fields.content ?? fields.contentFields ?? '';
  gateway.jobs.set(id, { request: { content, prompt: fields.prompt ?? '' }, kind: path === 'pictures' ? 'picture' : 'repair', polls: 0 });
  return { id, status: 'queued', statusUrl: `/api/v1/generations/${id}`, shortUrl: null, editToken: null };
}

function statusOf(id: string, job: FakeJob): Generation {
  const r = job.request;
  const p = parameters({ prompt: r.prompt, negativePrompt: r.negativePrompt ?? '', seed: r.seed ?? 7, steps: r.steps ?? 30 });
  const done = { ...uploadResult(id, job.kind, doneGeneration(id, p, r.content)), shortUrl: r.shortLink ? SHORT_URL : null };
  if (job.polls <= POLLS_PER_STATE) return { ...done, status: 'queued', progress: 0, imageUrl: null, thumbnailUrl: null, scanReport: null };
  if (job.polls <= 2 * POLLS_PER_STATE) return { ...done, status: 'running', progress: 0.05, imageUrl: null, thumbnailUrl: null, scanReport: null };
  if (job.polls <= 3 * POLLS_PER_STATE && r.prompt.includes('outage')) {
    const waiting = 'waiting for the model server';
    return { ...done, status: 'running', progress: 0.05, message: waiting, imageUrl: null, thumbnailUrl: null, scanReport: null };
  }
  if (r.prompt.includes('unscannable')) {
    return { ...done, status: 'failed', imageUrl: null, thumbnailUrl: null, scanReport: null, error: 'No candidate scanned after 3 attempts.' };
  }
  return done;
}

function newLink(destination: string): LinkView {
  const now = new Date().toISOString();
  return {
    code: 'ABCDE', shortUrl: SHORT_URL, destination, disabled: false, createdAt: now,
    history: [{ at: now, destination, disabled: false }],
    scans: [{ day: now.slice(0, 10), ios: 3, android: 2, other: 1 }], totalScans: 6,
  };
}

/** The fake link for its owner (the edit token), else 401 without a proof and 403 with another. */
function linkReply(request: Request, view: () => LinkView) {
  const token = request.headers.get('X-Edit-Token');
  if (!gateway.link) return HttpResponse.json({ status: 404, error: 'no short link has this code', field: 'code' }, { status: 404 });
  if (!token) return HttpResponse.json({ status: 401, error: 'send the edit token', field: null }, { status: 401 });
  if (token !== EDIT_TOKEN) return HttpResponse.json({ status: 403, error: 'this edit token does not own this link', field: null }, { status: 403 });
  return HttpResponse.json(view());
}

export const handlers = [
  http.get(`${API}/api/v1/session`, () =>
    HttpResponse.json({ status: 404, error: 'API keys are off on this gateway (qrart.auth.mode=none)', field: null }, { status: 404 })),
  http.get(`${API}/api/v1/limits`, () => HttpResponse.json(limits)),
  http.post(`${API}/api/v1/generations`, async ({ request }) => {
    const body = (await request.json()) as GenerationRequest;
    gateway.submitted.push(body);
    const id = `gen${gateway.jobs.size + 1}abcdef`;
    gateway.jobs.set(id, { request: body, kind: 'generated', polls: 0 });
    if (body.shortLink) gateway.link = newLink(body.content);
    const link = body.shortLink ? { shortUrl: SHORT_URL, editToken: EDIT_TOKEN } : { shortUrl: null, editToken: null };
    return HttpResponse.json({ id, status: 'queued', statusUrl: `/api/v1/generations/${id}`, ...link }, { status: 202 });
  }),
  http.get(`${API}/api/v1/limits/version`, ({ request }) => {
    const content = new URL(request.url).searchParams.get('content') ?? '';
    const link = /^https?:\/\//i.test(content);
    return HttpResponse.json({ errorCorrection: 'H', version: content.length > 50 ? 7 : 3, shortLinkVersion: link ? 3 : null, maxVersion: 10 });
  }),
  http.get(`${API}/api/v1/links/:code`, ({ request }) => linkReply(request, () => gateway.link!)),
  http.patch(`${API}/api/v1/links/:code`, async ({ request }) => {
    const change = (await request.clone().json()) as { destination?: string; disabled?: boolean };
    return linkReply(request, () => {
      const link = gateway.link!;
      gateway.link = { ...link, destination: change.destination ?? link.destination, disabled: change.disabled ?? link.disabled };
      return gateway.link;
    });
  }),
  http.get(`${API}/api/v1/generations/:id`, ({ params }) => {
    const id = String(params.id);
    const job = gateway.jobs.get(id);
    if (!job) return HttpResponse.json({ status: 404, error: 'no generation with that id', field: null }, { status: 404 });
    job.polls += 1;
    const generation = statusOf(id, job);
    if (generation.status === 'done' && !gateway.gallery.some((g) => g.id === id)) gateway.gallery.unshift(generation);
    return HttpResponse.json(generation);
  }),
  http.get(`${API}/api/v1/gallery`, ({ request }) => {
    const url = new URL(request.url);
    const q = (url.searchParams.get('q') ?? '').toLowerCase();
    const limit = Number(url.searchParams.get('limit') ?? 24);
    const start = Number(url.searchParams.get('cursor') ?? 0);
    const kind = url.searchParams.get('kind');
    const matching = gateway.gallery.filter((g) => g.parameters.prompt.toLowerCase().includes(q) && (!kind || g.kind === kind));
    const items = matching.slice(start, start + limit);
    const next = start + limit < matching.length ? String(start + limit) : null;
    return HttpResponse.json({ items, nextCursor: next });
  }),
];
