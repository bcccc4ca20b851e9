import { screen, waitFor, within } from '@testing-library/react';
import { vi } from 'vitest';
import { fakeUpload, gateway } from '../../testing/fake-gateway';
import { renderApp } from '../../testing/render';

vi.mock('./api/pictures', () => ({ uploadPicture: fakeUpload }));

/** A real PNG's bytes are not needed here: the fake upload takes any file, jsdom decodes no images. */
function picture(name = 'logo.png') {
  return new File([new Uint8Array([137, 80, 78, 71])], name, { type: 'image/png' });
}

describe('your picture and fix a code', () => {
  it('sends the picture with its content, level, placement and strength, and shows the result', async () => {
    const { user } = renderApp();
    await user.click(await screen.findByRole('tab', { name: /your picture/i }));
    await user.upload(screen.getByLabelText(/choose your picture/i), picture());
    await user.type(screen.getByRole('textbox', { name: /^link/i }), 'https://example.com/mine');
    await user.click(screen.getByRole('radio', { name: /a square in the middle/i }));
    await user.click(screen.getByRole('radio', { name: /robust/i }));
    await user.click(screen.getByRole('button', { name: /make my picture a qr code/i }));
    await screen.findByRole('heading', { name: /your qr code is ready/i });
    expect(gateway.uploads[0]).toMatchObject({
      path: 'pictures',
      fileName: 'logo.png',
      fields: { content: 'https://example.com/mine', placement: 'center', scanStrength: 'robust', errorCorrection: 'H' },
    });
  });

  it('builds Wi-Fi content from its fields', async () => {
    const { user } = renderApp();
    await user.click(await screen.findByRole('tab', { name: /your picture/i }));
    await user.upload(screen.getByLabelText(/choose your picture/i), picture());
    await user.click(screen.getByRole('combobox', { name: /the code opens/i }));
    await user.click(await screen.findByRole('option', { name: 'Wi-Fi' }));
    await user.type(screen.getByRole('textbox', { name: /network name/i }), 'Cafe Blue');
    await user.type(screen.getByRole('textbox', { name: /^password/i }), 'espresso');
    await user.click(screen.getByRole('button', { name: /make my picture a qr code/i }));
    await waitFor(() => expect(gateway.uploads).toHaveLength(1));
    expect(JSON.parse(gateway.uploads[0].fields.contentFields)).toEqual({ type: 'wifi', ssid: 'Cafe Blue', password: 'espresso' });
  });

  it('asks for a picture before sending anything', async () => {
    const { user } = renderApp();
    await user.click(await screen.findByRole('tab', { name: /fix a code/i }));
    await user.type(screen.getByRole('textbox', { name: /^link/i }), 'https://example.com/x');
    await user.click(screen.getByRole('button', { name: /fix my code/i }));
    expect(await screen.findByText(/choose a picture first/i)).toBeInTheDocument();
    expect(gateway.uploads).toHaveLength(0);
  });

  it('shows a fixed code before and after, with the map of what was wrong in words', async () => {
    const { user } = renderApp();
    await user.click(await screen.findByRole('tab', { name: /fix a code/i }));
    await user.upload(screen.getByLabelText(/choose the picture with the code/i), picture('broken.png'));
    await user.type(screen.getByRole('textbox', { name: /^link/i }), 'https://example.com/fix');
    await user.click(screen.getByRole('button', { name: /fix my code/i }));
    await screen.findByRole('heading', { name: /your code is fixed/i });
    const result = screen.getByRole('region', { name: /result/i });
    expect(within(result).getByRole('img', { name: /before the repair/i })).toHaveAttribute('src', expect.stringContaining('_source.png'));
    expect(within(result).getByRole('img', { name: /after the repair/i })).toBeInTheDocument();
    expect(within(result).getByText(/changed 12% of the picture; now reads on phones/i)).toBeInTheDocument();
    expect(within(result).getByText(/1 finder patterns/i)).toBeInTheDocument();
    expect(within(result).getByRole('switch', { name: /show what was wrong/i })).toBeChecked();
  });

  it('says when no code was found, on the picture field', async () => {
    const { user } = renderApp();
    await user.click(await screen.findByRole('tab', { name: /fix a code/i }));
    await user.upload(screen.getByLabelText(/choose the picture with the code/i), picture());
    await user.type(screen.getByRole('textbox', { name: /^link/i }), 'https://example.com/x');
    await user.type(screen.getByLabelText(/describe the picture/i), 'no code here');
    await user.click(screen.getByRole('button', { name: /fix my code/i }));
    expect(await screen.findByText(/no qr code was found in the picture/i)).toBeInTheDocument();
  });

  it('filters the gallery by kind', async () => {
    const { user } = renderApp();
    await user.click(await screen.findByRole('tab', { name: /fix a code/i }));
    await user.upload(screen.getByLabelText(/choose the picture with the code/i), picture());
    await user.type(screen.getByRole('textbox', { name: /^link/i }), 'https://example.com/fix');
    await user.click(screen.getByRole('button', { name: /fix my code/i }));
    await screen.findByRole('heading', { name: /your code is fixed/i });
    await user.click(screen.getByRole('button', { name: /^generated$/i }));
    await waitFor(() => expect(screen.queryAllByRole('listitem')).toHaveLength(0));
    await user.click(screen.getByRole('button', { name: /^fixed code$/i }));
    expect(await screen.findByRole('article', { name: /^fixed code: https:\/\/example.com\/fix/i })).toBeInTheDocument();
  });
});
