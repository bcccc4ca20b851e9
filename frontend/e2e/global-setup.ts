import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const START_TIMEOUT_MS = 300_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitReady(url: string, alive: () => boolean): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!alive()) throw new Error('the stack exited during start-up; see its output above');
    try {
      // Ready = the gateway is up, its stores answer and TorchServe has the model loaded.
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`the stack was not ready after ${START_TIMEOUT_MS / 1000} s`);
}

/** Starts scripts/run-stack.sh with a fresh state folder; the returned function stops it. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const ports = await Promise.all(Array.from({ length: 6 }, freePort));
  const runDir = mkdtempSync(path.join(tmpdir(), 'qrart-e2e-'));
  const stack = spawn('bash', ['scripts/run-stack.sh'], {
    cwd: REPO,
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, QRART_RUN_DIR: runDir, QRART_HTTP_PORT: String(ports[0]), QRART_TS_PORTS: ports.slice(1).join(',') },
  });
  let exited = false;
  stack.on('exit', () => (exited = true));
  const baseUrl = `http://127.0.0.1:${ports[0]}`;
  process.env.E2E_BASE_URL = baseUrl;
  try {
    await waitReady(`${baseUrl}/q/health/ready`, () => !exited);
  } catch (error) {
    if (!exited) process.kill(-stack.pid!, 'SIGTERM');
    throw error;
  }
  return async () => {
    if (exited) return;
    const stopped = new Promise((r) => stack.once('exit', r));
    process.kill(-stack.pid!, 'SIGTERM');
    await Promise.race([stopped, new Promise((r) => setTimeout(r, 30_000))]);
    if (!exited) process.kill(-stack.pid!, 'SIGKILL');
    rmSync(runDir, { recursive: true, force: true });
  };
}
