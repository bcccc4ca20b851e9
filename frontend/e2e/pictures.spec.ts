import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { PNG } from 'pngjs';
import { pngSize } from './png';
import { baseUrl, jobIdOf, shot } from './support';

/** A 480 x 480 picture with soft colour gradients, as a PNG. */
function gradientPicture(): Buffer {
  const png = new PNG({ width: 480, height: 480 });
  for (let y = 0; y < 480; y++) {
    for (let x = 0; x < 480; x++) {
      const i = (y * 480 + x) * 4;
      png.data[i] = Math.round((x / 480) * 255);
      png.data[i + 1] = Math.round((y / 480) * 200) + 40;
      png.data[i + 2] = 160;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

test('your picture: upload, get a verified code, download it', async ({ page, request }) => {
  const link = `https://example.com/qr-art-e2e-pic-${Date.now().toString(36)}`;
  await page.goto(baseUrl());
  await page.getByRole('tab', { name: 'Your picture' }).click();
  await page.getByLabel('Choose your picture').setInputFiles({ name: 'gradient.png', mimeType: 'image/png', buffer: gradientPicture() });
  await expect(page.getByRole('img', { name: 'The chosen picture' })).toBeVisible();
  await page.getByRole('textbox', { name: /^Link/ }).fill(link);
  await shot(page, 'picture-1-form');
  await page.getByRole('button', { name: 'Make my picture a QR code' }).click();

  const result = page.getByRole('region', { name: 'Result' });
  await expect(result.getByRole('heading', { name: 'Your QR code is ready' })).toBeVisible({ timeout: 120_000 });
  await expect(result.getByLabel(/Scan report: Scans/)).toBeVisible();
  await shot(page, 'picture-2-result');
  const download = result.getByRole('link', { name: 'Download PNG' });
  const href = await download.getAttribute('href');
  const png = await (await request.get(new URL(href!, baseUrl()).toString())).body();
  expect(pngSize(png)).toEqual({ width: 480, height: 480 });
  const id = jobIdOf(href!);
  const job = await (await request.get(`${baseUrl()}/api/v1/generations/${id}`)).json();
  expect(job.kind).toBe('picture');
  expect(job.content).toBe(link);
  expect(job.scanReport.verified).toBe(true);
});

test('fix a code: before and after, and the map of what was wrong', async ({ page, request }) => {
  const broken = readFileSync(fileURLToPath(new URL('./fixtures/broken-code.png', import.meta.url)));
  await page.goto(baseUrl());
  await page.getByRole('tab', { name: 'Fix a code' }).click();
  await page.getByLabel('Choose the picture with the code').setInputFiles({ name: 'broken-code.png', mimeType: 'image/png', buffer: broken });
  await page.getByRole('textbox', { name: /^Link/ }).fill('https://example.com/qr-art-e2e-fix');
  await page.getByRole('radio', { name: /Robust/ }).check();
  await page.getByRole('button', { name: 'Fix my code' }).click();

  const result = page.getByRole('region', { name: 'Result' });
  await expect(result.getByRole('heading', { name: 'Your code is fixed' })).toBeVisible({ timeout: 120_000 });
  await expect(result.getByRole('img', { name: 'Before the repair' })).toBeVisible();
  await expect(result.getByRole('img', { name: 'After the repair' })).toBeVisible();
  await expect(result.getByTestId('module-map').locator('polygon').first()).toBeAttached();
  await expect(result.getByText(/Changed [\d.]+% of the picture/)).toBeVisible();
  await expect(result.getByText(/Wrong before: .*data/)).toBeVisible();
  await shot(page, 'repair-1-result');
  await result.getByLabel('Show what was wrong').uncheck();
  await expect(result.getByTestId('module-map')).toHaveCount(0);

  const href = await result.getByRole('link', { name: 'Download PNG' }).getAttribute('href');
  const id = jobIdOf(href!);
  const job = await (await request.get(`${baseUrl()}/api/v1/generations/${id}`)).json();
  expect(job.kind).toBe('repair');
  expect(job.scanReport.repaired).toBe(true);
  expect(job.moduleMap.wrongByKind.data).toBeGreaterThan(0);
});
