import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { API, limits } from '../testing/fixtures';
import { renderApp } from '../testing/render';
import { server } from '../testing/server';

const GOOD_KEY = 'qrart_abcdefghij_' + 'k'.repeat(43);

/** A gateway with qrart.auth.mode=api-key: every call needs the session cookie, modelled by a flag. */
function keyedGateway() {
  const state = { signedIn: false, keysSent: [] as (string | null)[] };
  const refused = () => HttpResponse.json(
    { status: 401, error: "an API key is required: send the header 'Authorization: Bearer <key>'", field: null }, { status: 401 });
  server.use(
    http.get(`${API}/api/v1/limits`, () => (state.signedIn ? HttpResponse.json(limits) : refused())),
    http.get(`${API}/api/v1/session`, () => (state.signedIn ? HttpResponse.json({ keyId: 'abcdefghij', name: 'acme' }) : refused())),
    http.post(`${API}/api/v1/session`, ({ request }) => {
      const authorization = request.headers.get('Authorization');
      state.keysSent.push(authorization);
      if (authorization !== `Bearer ${GOOD_KEY}`) {
        return HttpResponse.json({ status: 401, error: 'unknown API key', field: null }, { status: 401 });
      }
      state.signedIn = true;
      return HttpResponse.json({ keyId: 'abcdefghij', name: 'acme' });
    }),
    http.delete(`${API}/api/v1/session`, () => {
      state.signedIn = false;
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return state;
}

describe('signing in with an API key', () => {
  it('asks for a key, opens a session with it, then shows the form', async () => {
    const state = keyedGateway();
    const { user } = renderApp();
    await user.click(await screen.findByLabelText(/api key/i));
    await user.paste(GOOD_KEY);
    await user.click(screen.getByRole('button', { name: /sign in/i }));
    expect(await screen.findByLabelText(/link or text/i)).toBeInTheDocument();
    expect(await screen.findByText('Signed in: acme')).toBeInTheDocument();
    expect(state.keysSent).toEqual([`Bearer ${GOOD_KEY}`]);
  });

  it("shows the gateway's reason for a wrong key and stays on the sign-in form", async () => {
    keyedGateway();
    const { user } = renderApp();
    await user.click(await screen.findByLabelText(/api key/i));
    await user.paste('qrart_wrongwrong_x');
    await user.click(screen.getByRole('button', { name: /sign in/i }));
    expect(await screen.findByRole('alert')).toHaveTextContent('unknown API key');
    expect(screen.queryByLabelText(/link or text/i)).not.toBeInTheDocument();
  });

  it('signs out back to the sign-in form', async () => {
    keyedGateway();
    const { user } = renderApp();
    await user.click(await screen.findByLabelText(/api key/i));
    await user.paste(GOOD_KEY);
    await user.click(screen.getByRole('button', { name: /sign in/i }));
    await user.click(await screen.findByRole('button', { name: /sign out/i }));
    expect(await screen.findByLabelText(/api key/i)).toBeInTheDocument();
    expect(screen.queryByText(/signed in/i)).not.toBeInTheDocument();
  });
});
