import { expect, test } from '@playwright/test';
import { pngSize } from './png';
import { baseUrl, jobIdOf, shot } from './support';

const LINK = 'https://example.com/qr-art-e2e';
const SEED = '20261128';

test('submit, watch progress, get a verified image, find it in the gallery, reuse and remix it', async ({ page, request }) => {
  const tag = `e2e${Date.now().toString(36)}`;
  const response = await page.goto(baseUrl());
  // The app runs under the gateway's page policy: own scripts only, no framing.
  expect(response!.headers()['content-security-policy']).toContain("script-src 'self'");
  expect(response!.headers()['x-frame-options']).toBe('DENY');
  await expect(page.getByRole('heading', { name: 'QR Art' })).toBeVisible();

  await page.getByLabel('Link or text').fill(LINK);
  await page.getByRole('button', { name: 'Natural scene' }).click();
  const prompt = page.getByRole('textbox', { name: /^Prompt/ });
  await prompt.fill(`${await prompt.inputValue()}, ${tag}`);
  await page.getByRole('button', { name: 'Advanced parameters' }).click();
  await page.getByLabel('Steps', { exact: true }).fill('4');
  await page.getByLabel('Seed', { exact: true }).fill(SEED);
  await shot(page, '1-form');
  await prompt.press('Control+Enter');

  const result = page.getByRole('region', { name: 'Result' });
  await expect(result.getByRole('progressbar', { name: 'Generation progress' })).toBeVisible();
  await expect(result.getByTestId('job-status')).toHaveText(/Queued|Painting|Checking/);
  await shot(page, '2-progress');

  await expect(result.getByRole('heading', { name: 'Your QR code is ready' })).toBeVisible({ timeout: 300_000 });
  await expect(result.getByLabel(/Scan report: Scans( · \d+% as robust as a plain code| up close)/)).toBeVisible();
  const image = result.getByRole('img', { name: /QR art:/ });
  await expect(image).toBeVisible();
  const src = await image.getAttribute('src');
  const png = await (await request.get(new URL(src!, baseUrl()).toString())).body();
  expect(pngSize(png)).toEqual({ width: 512, height: 512 });
  // What the badge shows is the gateway's record: ZXing and BoofCV read the exact link.
  const id = jobIdOf(src!);
  const gallery = await (await request.get(`${baseUrl()}/api/v1/gallery?q=${tag}`)).json();
  expect(gallery.items[0].scanReport.verified).toBe(true);
  expect(gallery.items[0].content).toBe(LINK);
  expect(gallery.items[0].imageUrl).toContain(id);
  await shot(page, '3-result');

  await result.getByLabel('Compare with the plain QR').check();
  await expect(result.getByTestId('plain-qr-overlay')).toBeVisible();
  await shot(page, '4-compare');

  await page.getByLabel('Search prompts').fill(tag);
  const cards = page.getByRole('list', { name: 'Earlier generations' }).getByRole('listitem');
  await expect(cards).toHaveCount(1);
  await expect(cards.first().getByLabel(/Scan report: Scans/)).toBeVisible();
  await shot(page, '5-gallery');

  await prompt.fill('something else entirely');
  await page.getByLabel('Seed', { exact: true }).fill('1');
  await cards.first().getByRole('button', { name: /^Reuse/ }).click();
  await expect(prompt).toHaveValue(new RegExp(tag));
  await expect(page.getByLabel('Seed', { exact: true })).toHaveValue(SEED);
  await expect(page.getByLabel('Link or text')).toHaveValue(LINK);

  await cards.first().getByRole('button', { name: /^Remix/ }).click();
  await expect(prompt).toHaveValue(new RegExp(tag));
  await expect(page.getByLabel('Seed', { exact: true })).not.toHaveValue(SEED);
});

test('a refused request names the field; the page fits a phone and has a dark theme', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(baseUrl());
  await page.getByRole('button', { name: 'Switch to the dark theme' }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);

  const content = page.getByLabel('Link or text');
  await content.fill('javascript:alert(document.cookie)');
  await content.blur();
  await expect(content).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/"javascript:" are not allowed/)).toBeVisible();

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, 'phone-dark');
});
