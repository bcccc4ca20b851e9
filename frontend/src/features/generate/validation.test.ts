import { limits } from '../../testing/fixtures';
import { defaultValues, toRequest, type FormValues } from './form-values';
import { validateForm } from './validation';

function form(overrides: Partial<FormValues>): FormValues {
  return { ...defaultValues(limits), content: 'https://example.com', prompt: 'fine art', ...overrides };
}

describe('validateForm mirrors the gateway', () => {
  it('accepts the defaults with a link and a prompt', () => {
    expect(validateForm(form({}), limits)).toEqual({});
  });

  it('counts the QR capacity in UTF-8 bytes, not characters', () => {
    expect(validateForm(form({ content: 'é'.repeat(60) }), limits).content).toBeUndefined();
    expect(validateForm(form({ content: 'é'.repeat(61) }), limits).content).toMatch(/122 bytes, at most 120/);
  });

  it.each(['javascript:alert(1)', 'java\tscript:alert(1)', 'DATA:text/html,x', 'ftp://example.com'])('refuses the scheme of %s', (content) => {
    expect(validateForm(form({ content }), limits).content).toMatch(/not allowed/);
  });

  it('refuses invisible formatting characters that disguise a link', () => {
    expect(validateForm(form({ content: 'https://exa\u202Emple.com' }), limits).content).toMatch(/invisible/);
  });

  it('names each out-of-range parameter', () => {
    const errors = validateForm(form({ strength: '1.5', guidanceScale: 'abc', steps: '2.5', size: '100', seed: '-1' }), limits);
    expect(errors.strength).toMatch(/between 0.01 and 1/);
    expect(errors.guidanceScale).toMatch(/must be a number/);
    expect(errors.steps).toMatch(/whole number/);
    expect(errors.size).toMatch(/512, 768/);
    expect(errors.seed).toMatch(/between 0/);
  });

  it('refuses a strength that runs no denoising step, as the gateway does', () => {
    expect(validateForm(form({ strength: '0.2', steps: '4' }), limits).strength).toMatch(/no denoising step/);
  });

  it('refuses a control window that ends before it starts, naming its end', () => {
    const errors = validateForm(form({ controlGuidanceStart: '0.8', controlGuidanceEnd: '0.3' }), limits);
    expect(errors.controlGuidanceEnd).toMatch(/end after it starts/);
    expect(validateForm(form({ controlGuidanceEnd: '1.2' }), limits).controlGuidanceEnd).toMatch(/between 0 and 1/);
    expect(validateForm(form({ controlGuidanceEnd: '0.8' }), limits)).toEqual({});
  });

  it('sends numbers, and leaves an empty seed to the gateway', () => {
    const request = toRequest(form({ seed: '' }));
    expect(request).toMatchObject({ strength: 0.9, controlnetScale: 1.3, guidanceScale: 7.5, steps: 30, size: 512 });
    expect(request).toMatchObject({ controlGuidanceStart: 0, controlGuidanceEnd: 1 });
    expect(request).not.toHaveProperty('seed');
    expect(request).not.toHaveProperty('negativePrompt');
  });
});
