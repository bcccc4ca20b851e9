import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { gateway } from './fake-gateway';
import { server } from './server';

// Slow CI machines: give findBy*/waitFor more than the default second.
configure({ asyncUtilTimeout: 5000 });

// jsdom has no matchMedia; MUI's colour-scheme code asks it for the system preference.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false, media: query, onchange: null,
    addEventListener: () => {}, removeEventListener: () => {}, addListener: () => {}, removeListener: () => {}, dispatchEvent: () => false,
  }),
});
window.scrollTo = () => {};
// jsdom makes no object URLs (the picture preview); any string will do, its images never load.
URL.createObjectURL = () => 'blob:preview';
URL.revokeObjectURL = () => {};

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  gateway.reset();
  localStorage.clear();
});
afterAll(() => server.close());
