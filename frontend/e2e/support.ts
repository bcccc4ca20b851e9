import { test, type Page } from '@playwright/test';

/** The gateway the end-to-end tests run against (started by global-setup.ts). */
export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is set by e2e/global-setup.ts');
  return url;
}

/** A full-page screenshot kept with the test's output. */
export async function shot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

/** The job a delivered image belongs to: its file is named `{id}_e{lease epoch}.png`. */
export function jobIdOf(imageUrl: string): string {
  const file = new URL(imageUrl, baseUrl()).pathname.split('/').pop()!;
  return file.replace(/_e\d+\.png$/, '');
}
