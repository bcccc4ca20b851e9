import { expect, test } from '@playwright/test';
import { baseUrl, shot } from './support';

const DESTINATION = 'https://shop.example.com/menu?table=4&utm_source=qr&utm_medium=print&utm_campaign=winter-e2e';
const MOVED = 'https://example.org/spring-menu';

test('a short link: the version hint, the switch, the result with its link, following it, the owner changing it', async ({ page, request }) => {
  await page.goto(baseUrl());
  await page.getByLabel('Link or text').fill(DESTINATION);
  await expect(page.getByTestId('version-hint')).toHaveText(/This link needs QR version \d+; as a short link, version \d+/);
  const option = page.getByLabel('Use a short link');
  await expect(option).not.toBeChecked();
  await option.check();
  await page.getByRole('button', { name: 'Natural scene', exact: true }).click();
  await page.getByRole('button', { name: 'Advanced parameters' }).click();
  await page.getByLabel('Steps', { exact: true }).fill('4');
  await shot(page, 'links-1-form');
  await page.getByRole('button', { name: 'Create QR code' }).click();

  const result = page.getByRole('region', { name: 'Result' });
  await expect(result.getByRole('heading', { name: 'Your QR code is ready' })).toBeVisible({ timeout: 300_000 });
  const shortUrl = (await result.getByTestId('short-url').textContent())!;
  expect(shortUrl).toMatch(/^HTTP:\/\/LOCALHOST:\d+\/S\/[2-9A-HJ-NP-Z]+$/);
  await expect(result.getByText(`which leads to ${DESTINATION}`, { exact: false })).toBeVisible();
  await expect(result.getByTestId('link-scans')).toHaveText(/0 scans in 30 days/);
  await shot(page, 'links-2-result');

  const code = shortUrl.slice(shortUrl.lastIndexOf('/') + 1);
  const followed = await request.get(`${baseUrl()}/S/${code}`, { maxRedirects: 0 });
  expect(followed.status()).toBe(302);
  expect(followed.headers()['location']).toBe(DESTINATION);

  const leadsTo = result.getByLabel('Leads to');
  await leadsTo.fill(MOVED);
  await result.getByRole('button', { name: 'Save' }).click();
  await expect(result.getByText(/Saved/)).toBeVisible();
  await shot(page, 'links-3-changed');
  await expect
    .poll(async () => (await request.get(`${baseUrl()}/s/${code.toLowerCase()}`, { maxRedirects: 0 })).headers()['location'], {
      timeout: 20_000,
    })
    .toBe(MOVED);
});
