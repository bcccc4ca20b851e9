/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The gateway serves the built app on the same origin; in `npm run dev` /api goes to it.
const gateway = process.env.QRART_GATEWAY_URL ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': gateway } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // React and MUI change less often than the app: separate, long-cached chunks.
    rollupOptions: { output: { manualChunks: { react: ['react', 'react-dom'], mui: ['@mui/material', '@emotion/react', '@emotion/styled'] } } },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['src/testing/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    testTimeout: 15000,
    // Node's fetch needs absolute URLs; MSW answers this origin.
    env: { VITE_API_BASE_URL: 'http://localhost:3000', VITE_POLL_INTERVAL_MS: '20', VITE_SEARCH_DEBOUNCE_MS: '20' },
  },
});
