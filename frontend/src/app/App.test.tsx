import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { gateway } from '../testing/fake-gateway';
import { API, doneGeneration, parameters } from '../testing/fixtures';
import { renderApp } from '../testing/render';
import { server } from '../testing/server';

async function fillBasics(user: ReturnType<typeof renderApp>['user'], prompt = 'natural scene, misty forest') {
  await user.click(await screen.findByLabelText(/link or text/i));
  await user.paste('https://example.com/art');
  await user.click(screen.getByLabelText(/^prompt\s*\*?$/i));
  await user.paste(prompt);
}

describe('creating a QR code', () => {
  it('shows the original defaults, each with what it trades off', async () => {
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: /advanced parameters/i }));
    expect(screen.getByLabelText('Strength')).toHaveValue(0.9);
    expect(screen.getByLabelText('QR strength')).toHaveValue(1.3);
    expect(screen.getByLabelText('Prompt guidance')).toHaveValue(7.5);
    expect(screen.getByText(/higher scans more reliably, lower looks more natural/i)).toBeInTheDocument();
  });

  it('says when a job waits for the model server, then delivers it', async () => {
    const { user } = renderApp();
    await fillBasics(user, 'natural scene during an outage');
    await user.click(screen.getByRole('button', { name: /create qr code/i }));
    await screen.findByText(/paused: waiting for the model server; your job is kept/i);
    await screen.findByRole('heading', { name: /your qr code is ready/i });
  });

  it('validates the link as the user types', async () => {
    const { user } = renderApp();
    const content = await screen.findByLabelText(/link or text/i);
    await user.type(content, 'javascript:alert(1)');
    await user.tab();
    expect(content).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/"javascript:" are not allowed/)).toBeInTheDocument();
  });

  it('goes queued, running, done and shows the verified image with its scan report', async () => {
    const { user } = renderApp();
    await fillBasics(user);
    await user.click(screen.getByRole('button', { name: /create qr code/i }));
    await screen.findByText(/queued/i);
    await screen.findByText(/painting your qr code/i);
    await screen.findByRole('heading', { name: /your qr code is ready/i });
    const result = screen.getByRole('region', { name: /result/i });
    expect(within(result).getByRole('img', { name: /QR art: natural scene, misty forest/ })).toHaveAttribute('src', `${API}/api/v1/images/gen1abcdef.png`);
    expect(within(result).getByLabelText(/scan report: scans · 97% as robust as a plain code · repaired/i)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /download png/i })).toHaveAttribute('download', 'qr-art-gen1abcdef.png');
    expect(gateway.submitted[0]).toMatchObject({ content: 'https://example.com/art', strength: 0.9, controlnetScale: 1.3, guidanceScale: 7.5 });
  });

  it('offers the three scan strengths, balanced by default, and sends the one picked', async () => {
    const { user } = renderApp();
    await fillBasics(user);
    const strength = screen.getByRole('radiogroup', { name: /scan strength/i });
    expect(within(strength).getByRole('radio', { name: /balanced/i })).toBeChecked();
    expect(within(strength).getAllByRole('radio')).toHaveLength(3);
    await user.click(within(strength).getByRole('radio', { name: /robust/i }));
    await user.click(screen.getByRole('button', { name: /create qr code/i }));
    await screen.findByRole('heading', { name: /your qr code is ready/i });
    expect(gateway.submitted[0]).toMatchObject({ scanStrength: 'robust' });
  });

  it('overlays the plain QR to compare and copies the image link', async () => {
    const { user } = renderApp();
    await fillBasics(user);
    await user.click(screen.getByRole('button', { name: /create qr code/i }));
    await screen.findByRole('heading', { name: /your qr code is ready/i });
    expect(screen.queryByTestId('plain-qr-overlay')).not.toBeInTheDocument();
    await user.click(screen.getByLabelText(/compare with the plain qr/i));
    expect(screen.getByTestId('plain-qr-overlay')).toHaveAttribute('src', `${API}/api/v1/generations/gen1abcdef/qr`);
    await user.click(screen.getByRole('button', { name: /copy image link/i }));
    expect(await screen.findByText('Link copied.')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe(`${API}/api/v1/images/gen1abcdef.png`);
  });

  it('submits from the prompt with Ctrl+Enter', async () => {
    const { user } = renderApp();
    await fillBasics(user);
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(gateway.submitted).toHaveLength(1));
  });

  it('blocks submit on invalid input and focuses the first bad field', async () => {
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: /create qr code/i }));
    expect(screen.getByLabelText(/link or text/i)).toHaveFocus();
    expect(screen.getByText(/the link or text is required/i)).toBeInTheDocument();
    expect(gateway.submitted).toHaveLength(0);
  });

  it('highlights and focuses the field a 400 names, opening the advanced parameters', async () => {
    server.use(http.post(`${API}/api/v1/generations`, () =>
      HttpResponse.json({ status: 400, error: 'size 512 leaves under 2 pixels per module', field: 'size' }, { status: 400 })));
    const { user } = renderApp();
    await fillBasics(user);
    await user.click(screen.getByRole('button', { name: /create qr code/i }));
    expect(await screen.findByText('size 512 leaves under 2 pixels per module')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /size/i })).toHaveAttribute('aria-invalid', 'true');
  });

  it('explains a full service in plain words with when to retry', async () => {
    server.use(http.post(`${API}/api/v1/generations`, () =>
      HttpResponse.json({ status: 503, error: 'too many generations in flight; retry later', field: null }, { status: 503, headers: { 'Retry-After': '5' } })));
    const { user } = renderApp();
    await fillBasics(user);
    await user.click(screen.getByRole('button', { name: /create qr code/i }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/too many generations in flight; retry later Try again in 5 s/);
  });

  it('says why a generation failed', async () => {
    const { user } = renderApp();
    await fillBasics(user, 'a cat, unscannable');
    await user.click(screen.getByRole('button', { name: /create qr code/i }));
    expect(await screen.findByText('No candidate scanned after 3 attempts.')).toHaveAttribute('class', expect.stringMatching(/MuiAlert-message/));
  });

  it('says so when the service cannot be reached', async () => {
    server.use(http.get(`${API}/api/v1/limits`, () => HttpResponse.error()));
    renderApp();
    expect(await screen.findByText(/cannot reach the service/i)).toBeInTheDocument();
  });

  it('switches between light and dark themes', async () => {
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: /switch to the dark theme/i }));
    expect(screen.getByRole('button', { name: /switch to the light theme/i })).toBeInTheDocument();
  });
});

describe('the gallery', () => {
  beforeEach(() => {
    gateway.gallery = Array.from({ length: 30 }, (_, i) =>
      doneGeneration(`old${String(i).padStart(2, '0')}xyzw`, parameters({ prompt: i % 2 ? `3D temple number ${i}` : `fine art harbour ${i}`, seed: 1000 + i })));
  });

  it('lists earlier generations with their scan badge and loads more', async () => {
    const { user } = renderApp();
    const list = await screen.findByRole('list', { name: /earlier generations/i });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(24));
    expect(within(list).getAllByLabelText(/scan report: scans/i)).toHaveLength(24);
    await user.click(screen.getByRole('button', { name: /load more/i }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(30));
    expect(screen.queryByRole('button', { name: /load more/i })).not.toBeInTheDocument();
  });

  it('searches by prompt text', async () => {
    const { user } = renderApp();
    await screen.findAllByRole('listitem');
    await user.click(screen.getByLabelText(/search prompts/i));
    await user.paste('temple');
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(15));
    await user.clear(screen.getByLabelText(/search prompts/i));
    await user.paste('nothing like this');
    expect(await screen.findByText(/no generation matches/i)).toBeInTheDocument();
  });

  it('reuse fills the form with the prompt, parameters and seed; remix picks a new seed', async () => {
    const { user } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'Reuse: fine art harbour 0' }));
    expect(screen.getByLabelText(/^prompt\s*\*?$/i)).toHaveValue('fine art harbour 0');
    expect(screen.getByLabelText(/link or text/i)).toHaveValue('https://example.com/art');
    await user.click(screen.getByRole('button', { name: /advanced parameters/i }));
    expect(screen.getByLabelText('Seed')).toHaveValue(1000);
    await user.click(screen.getByRole('button', { name: 'Remix with a new seed: fine art harbour 0' }));
    expect(screen.getByLabelText(/^prompt\s*\*?$/i)).toHaveValue('fine art harbour 0');
    expect(screen.getByLabelText('Seed')).not.toHaveValue(1000);
  });

  it('shows a finished generation at the top of the gallery', async () => {
    gateway.gallery = [];
    const { user } = renderApp();
    expect(await screen.findByText(/your first qr code will show up here/i)).toBeInTheDocument();
    await fillBasics(user, 'ink wash mountains');
    await user.click(screen.getByRole('button', { name: /create qr code/i }));
    const list = screen.getByRole('list', { name: /earlier generations/i });
    expect(await within(list).findByText('ink wash mountains')).toBeInTheDocument();
  });
});
