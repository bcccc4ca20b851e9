import { http, HttpResponse } from 'msw';
import type { Generation, GenerationRequest } from '../types/api';
import { API, doneGeneration, limits, parameters } from './fixtures';

/**
 * An in-memory stand-in for the gateway's API: a submitted generation is queued on the first
 * status poll, running on the second and done (or failed, for a prompt containing "unscannable") after;
 * a prompt containing "outage" waits for the model server on the third poll.
 */
export const gateway = {
  gallery: [] as Generation[],
  jobs: new Map<string, { request: GenerationRequest; polls: number }>(),
  submitted: [] as GenerationRequest[],
  reset() {
    this.gallery = [];
    this.jobs.clear();
    this.submitted = [];
  },
};

function statusOf(id: string, job: { request: GenerationRequest; polls: number }): Generation {
  const r = job.request;
  const p = parameters({ prompt: r.prompt, negativePrompt: r.negativePrompt ?? '', seed: r.seed ?? 7, steps: r.steps ?? 30 });
  const done = doneGeneration(id, p, r.content);
  if (job.polls <= 1) return { ...done, status: 'queued', progress: 0, imageUrl: null, thumbnailUrl: null, scanReport: null };
  if (job.polls === 2) return { ...done, status: 'running', progress: 0.05, imageUrl: null, thumbnailUrl: null, scanReport: null };
  if (job.polls === 3 && r.prompt.includes('outage')) {
    const waiting = 'waiting for the model server';
    return { ...done, status: 'running', progress: 0.05, message: waiting, imageUrl: null, thumbnailUrl: null, scanReport: null };
  }
  if (r.prompt.includes('unscannable')) {
    return { ...done, status: 'failed', imageUrl: null, thumbnailUrl: null, scanReport: null, error: 'No candidate scanned after 3 attempts.' };
  }
  return done;
}

export const handlers = [
  http.get(`${API}/api/v1/session`, () =>
    HttpResponse.json({ status: 404, error: 'API keys are off on this gateway (qrart.auth.mode=none)', field: null }, { status: 404 })),
  http.get(`${API}/api/v1/limits`, () => HttpResponse.json(limits)),
  http.post(`${API}/api/v1/generations`, async ({ request }) => {
    const body = (await request.json()) as GenerationRequest;
    gateway.submitted.push(body);
    const id = `gen${gateway.jobs.size + 1}abcdef`;
    gateway.jobs.set(id, { request: body, polls: 0 });
    return HttpResponse.json({ id, status: 'queued', statusUrl: `/api/v1/generations/${id}` }, { status: 202 });
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
    const matching = gateway.gallery.filter((g) => g.parameters.prompt.toLowerCase().includes(q));
    const items = matching.slice(start, start + limit);
    const next = start + limit < matching.length ? String(start + limit) : null;
    return HttpResponse.json({ items, nextCursor: next });
  }),
];
