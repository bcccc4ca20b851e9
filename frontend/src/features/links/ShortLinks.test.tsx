import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AppProvider } from '../../app/AppProvider';
import { EDIT_TOKEN, SHORT_URL, gateway } from '../../testing/fake-gateway';
import { renderApp } from '../../testing/render';
import { LinkManager } from './components/LinkManager';

const LONG_LINK = 'https://shop.example.com/menu?table=4&utm_source=qr&utm_medium=print&utm_campaign=winter';

async function fill(user: ReturnType<typeof renderApp>['user'], link: string) {
  await user.click(await screen.findByLabelText(/link or text/i));
  await user.paste(link);
  await user.click(screen.getByLabelText(/^prompt\s*\*?$/i));
  await user.paste('natural scene, harbour at dawn');
}

describe('short links', () => {
  beforeEach(() => localStorage.clear());

  it('shows the version a link needs and a short link would need, off by default', async () => {
    const { user } = renderApp();
    await fill(user, LONG_LINK);
    const option = await screen.findByLabelText(/use a short link/i);
    expect(option).not.toBeChecked();
    expect(await screen.findByTestId('version-hint')).toHaveTextContent(/needs QR version 7; as a short link, version 3/);
    expect(screen.getByText(/works only while this service answers/i)).toBeInTheDocument();
  });

  it('offers no short link for text that is not a link', async () => {
    const { user } = renderApp();
    await fill(user, 'just some words');
    expect(screen.queryByLabelText(/use a short link/i)).not.toBeInTheDocument();
  });

  it('makes a code with a short link, keeps its edit token, and lets the owner change where it leads', async () => {
    const { user } = renderApp();
    await fill(user, LONG_LINK);
    await user.click(await screen.findByLabelText(/use a short link/i));
    await user.click(screen.getByRole('button', { name: /create qr code/i }));
    await screen.findByRole('heading', { name: /your qr code is ready/i });
    expect(gateway.submitted[0]).toMatchObject({ content: LONG_LINK, shortLink: true });

    const result = screen.getByRole('region', { name: /result/i });
    expect(within(result).getByTestId('short-url')).toHaveTextContent(SHORT_URL);
    expect(within(result).getByText(new RegExp(`which leads to ${LONG_LINK.replace(/[?]/g, '\\?')}`))).toBeInTheDocument();
    expect(await within(result).findByTestId('link-scans')).toHaveTextContent('6 scans in 1 days (iPhone 3, Android 2, other 1)');
    expect(localStorage.getItem('qrart.editTokens')).toContain(EDIT_TOKEN);

    const leadsTo = within(result).getByLabelText(/leads to/i);
    await user.clear(leadsTo);
    await user.type(leadsTo, 'https://example.org/spring-menu');
    await user.click(within(result).getByRole('button', { name: /save/i }));
    await within(result).findByText(/saved/i);
    expect(gateway.link?.destination).toBe('https://example.org/spring-menu');

    await user.click(within(result).getByRole('button', { name: /switch the link off/i }));
    await waitFor(() => expect(gateway.link?.disabled).toBe(true));

    const card = await screen.findByTestId('gallery-short-link');
    expect(card).toHaveTextContent(`${SHORT_URL} → ${LONG_LINK}`);
  });

  it('asks for the edit token when this browser does not have it, and refuses a wrong one', async () => {
    gateway.link = { code: 'ABCDE', shortUrl: SHORT_URL, destination: LONG_LINK, disabled: false, createdAt: '2026-12-07T10:00:00Z',
      history: [], scans: [{ day: '2026-12-07', ios: 1, android: 0, other: 0 }], totalScans: 1 };
    const user = userEvent.setup({ delay: null });
    render(<AppProvider><LinkManager shortUrl={SHORT_URL} /></AppProvider>);
    const token = await screen.findByLabelText(/edit token/i);
    await user.type(token, 'qrl_not-the-token');
    await user.click(screen.getByRole('button', { name: /^use$/i }));
    await waitFor(() => expect(screen.getByLabelText(/edit token/i)).toBeInTheDocument());
    expect(screen.queryByTestId('link-scans')).not.toBeInTheDocument();
    await user.clear(screen.getByLabelText(/edit token/i));
    await user.type(screen.getByLabelText(/edit token/i), EDIT_TOKEN);
    await user.click(screen.getByRole('button', { name: /^use$/i }));
    expect(await screen.findByTestId('link-scans')).toHaveTextContent('1 scans in 1 days');
    expect(localStorage.getItem('qrart.editTokens')).toContain(EDIT_TOKEN);
  });
});
