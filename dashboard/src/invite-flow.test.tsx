// An invite link opened in a fresh browser: no session, the agent chooses a password and lands in the inbox.
import { describe, expect, it } from 'vitest';
import { App } from './app.js';
import { fireEvent, render, screen, waitFor } from './test-utils/render.js';
import { fakeSockets } from './test-utils/fake-socket.js';
import { apiError, mockFetch } from './test-utils/fetch-mock.js';
import { agent, T0 } from './test-utils/fixtures.js';

const token = 'tok_0123456789abcdefghij';
const cleo = agent({ id: 'ag-3', name: 'Cleo New', email: 'cleo@example.com', role: 'agent' });

describe('invite link', () => {
  it('signs the invited agent in and opens the inbox, even if the session check answers late', async () => {
    let answerMe: () => void = () => {};
    const meAnswered = new Promise<void>((resolve) => (answerMe = resolve));
    location.hash = `#/invite/${token}`;
    const { calls } = mockFetch({
      'GET /api/auth/me': async () => {
        await meAnswered;
        return apiError(401, 'unauthorized', 'Sign in first');
      },
      [`GET /api/invites/${token}`]: () => ({ body: { name: cleo.name, email: cleo.email, expiresAt: T0 } }),
      [`POST /api/invites/${token}`]: () => ({ body: { agent: cleo } }),
      'GET /api/conversations': () => ({ body: { conversations: [] } }),
    });
    const sockets = fakeSockets();
    render(<App createSocket={sockets.createSocket} />);

    expect(await screen.findByRole('heading', { name: 'Welcome, Cleo New' })).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'correct-horse' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set password and sign in' }));

    expect(await screen.findByRole('button', { name: 'Sign out' })).toBeTruthy();
    expect(location.hash).toBe('#/inbox');
    expect(calls.some((c) => c.method === 'POST' && c.url === `/api/invites/${token}`)).toBe(true);
    await waitFor(() => expect(sockets.sockets.length).toBeGreaterThan(0));

    // The 401 from before the invite was accepted must not sign the agent out again.
    answerMe();
    await meAnswered;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Sign in' })).toBeNull();
  });

  it('points to sign in when the link is no longer valid', async () => {
    location.hash = `#/invite/${token}`;
    mockFetch({
      'GET /api/auth/me': () => apiError(401, 'unauthorized', 'Sign in first'),
      [`GET /api/invites/${token}`]: () => apiError(404, 'not_found', 'No such invite'),
    });
    render(<App createSocket={fakeSockets().createSocket} />);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This invite link is not valid any more. Ask your admin for a new one.',
    );
    location.hash = '#/inbox';
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
  });
});
