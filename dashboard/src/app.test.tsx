// The whole app against a mocked HTTP API and a fake agent socket.
import { describe, expect, it } from 'vitest';
import { App } from './app.js';
import { actSync, fireEvent, render, screen, waitFor, within } from './test-utils/render.js';
import { fakeSockets } from './test-utils/fake-socket.js';
import { apiError, mockFetch } from './test-utils/fetch-mock.js';
import { setupApp } from './test-utils/app-setup.js';
import { agent, conversation, message } from './test-utils/fixtures.js';

const setup = setupApp;

describe('App', () => {
  it('shows the inbox, sends a reply through the socket and replaces "Sending…" with the echo', async () => {
    location.hash = '#/inbox/c-1';
    const { sockets, server, connect } = setup();
    await connect();
    const list = await screen.findByRole('region', { name: 'Conversations' });
    expect(await within(list).findByText('#1')).toBeTruthy();
    expect(within(list).getByText('Vera Visitor')).toBeTruthy();
    const log = await screen.findByRole('log');
    await within(log).findByText('Hello there');

    const box = screen.getByRole('textbox', { name: 'Reply' });
    fireEvent.input(box, { target: { value: 'line one' } });
    fireEvent.keyDown(box, { key: 'Enter', shiftKey: true });
    expect(sockets.last.sentOfType('message.send')).toEqual([]);

    fireEvent.input(box, { target: { value: 'On it!' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    const [frame] = sockets.last.sentOfType('message.send');
    expect(frame).toMatchObject({ conversationId: 'c-1', body: 'On it!' });
    expect((box as HTMLTextAreaElement).value).toBe('');
    expect(within(log).getByText('Sending…')).toBeTruthy();

    server({
      type: 'message.created',
      message: message(2, {
        body: 'On it!',
        clientId: frame!.id as string,
        author: { kind: 'agent', id: 'ag-1', name: 'Ada Admin' },
      }),
    });
    await waitFor(() => expect(within(log).queryByText('Sending…')).toBeNull());
    expect(within(log).getAllByText('On it!')).toHaveLength(1);
  });

  it('sends with the Send button too', async () => {
    location.hash = '#/inbox/c-1';
    const { sockets, connect } = setup();
    await connect();
    const box = await screen.findByRole('textbox', { name: 'Reply' });
    fireEvent.input(box, { target: { value: 'via button' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(sockets.last.sentOfType('message.send')).toEqual([
      expect.objectContaining({ body: 'via button' }),
    ]);
  });

  it('renders message bodies as text, never markup', async () => {
    location.hash = '#/inbox/c-1';
    const script = '<script>window.__pwned = 1</script>';
    const img = '<img src=x onerror="window.__pwned = 1">';
    setup({
      // Visitor messages show the contact's current name, the conversation's.
      conv: conversation({ visitorName: '<b>Eve</b>', lastSeq: 2 }),
      history: [
        message(1, { body: script }),
        message(2, { body: img, author: { kind: 'visitor', id: 'v-1', name: '<b>Eve</b>' } }),
      ],
    });
    const log = await screen.findByRole('log');
    expect(await within(log).findByText(script)).toBeTruthy();
    expect(within(log).getByText(img)).toBeTruthy();
    expect(within(log).getAllByText('<b>Eve</b>')).toHaveLength(2);
    expect(log.querySelector('script, img, b')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('shows new conversations and messages live', async () => {
    location.hash = '#/inbox';
    const { server, connect } = setup();
    await connect();
    const list = await screen.findByRole('region', { name: 'Conversations' });
    await within(list).findByText('Vera Visitor');
    server({
      type: 'conversation.updated',
      conversation: conversation({
        id: 'c-2',
        number: 2,
        visitorName: 'Nia New',
        updatedAt: Date.now(),
        lastMessagePreview: 'Anyone there?',
      }),
    });
    await within(list).findByText('Nia New');
    const items = within(list).getAllByRole('link');
    expect(items[0]!.textContent).toContain('#2');
  });

  it('goes back to sign in when the session is revoked', async () => {
    const { sockets, connect } = setup();
    await connect();
    actSync(() => sockets.last.drop(4010));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(screen.getByText('Your session has ended. Please sign in again.')).toBeTruthy();
  });

  it('signs out', async () => {
    const { http, connect } = setup();
    await connect();
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(http.calls.some((c) => c.method === 'POST' && c.url === '/api/auth/logout')).toBe(true);
  });

  it('shows the Team, Playbook and Embed links to admins only', async () => {
    setup({ role: 'agent' });
    await screen.findByRole('button', { name: 'Sign out' });
    for (const name of ['Team', 'Playbook', 'Embed']) expect(screen.queryByRole('link', { name })).toBeNull();
  });

  it('shows the Team, Playbook and Embed links to admins', async () => {
    setup({ role: 'admin' });
    expect(await screen.findByRole('link', { name: 'Team' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Playbook' }).getAttribute('href')).toBe('#/playbook');
    expect(screen.getByRole('link', { name: 'Embed' }).getAttribute('href')).toBe('#/embed');
  });

  it.each([
    ['#/playbook', 'Only admins can edit the playbook.'],
    ['#/embed', 'Only admins can see the embed settings.'],
  ])('keeps agents out of %s without asking the admin APIs', async (hash, refusal) => {
    location.hash = hash;
    const { http } = setup({ role: 'agent' });
    expect(await screen.findByText(refusal)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save playbook' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Embed snippet' })).toBeNull();
    await new Promise((r) => setTimeout(r, 20));
    expect(http.calls.filter((c) => c.url.startsWith('/api/sites'))).toEqual([]);
  });

  it('switches availability through the API and shows what the server stored', async () => {
    const { http } = setup({
      role: 'agent',
      available: false,
      routes: {
        'PUT /api/me/availability': (call) => ({
          body: {
            agent: {
              ...agent({ role: 'agent' }),
              available: (call.body as { available: boolean }).available,
            },
          },
        }),
      },
    });
    const toggle = await screen.findByRole('switch', { name: 'Available' });
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    expect(toggle.getAttribute('aria-describedby')).toBeTruthy();
    const hint = document.getElementById(toggle.getAttribute('aria-describedby')!);
    expect(hint?.textContent).toMatch(/only while this is on and the dashboard is open/);

    const puts = () => http.calls.filter((c) => c.method === 'PUT').map((c) => [c.url, c.body]);
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('true'));
    expect(puts()).toEqual([['/api/me/availability', { available: true }]]);

    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('false'));
    expect(puts().at(-1)).toEqual(['/api/me/availability', { available: false }]);
  });

  it('starts the switch on when the agent is available, and keeps it when the server refuses a change', async () => {
    setup({
      available: true,
      routes: {
        'PUT /api/me/availability': () => apiError(500, 'internal', 'Something went wrong on our side.'),
      },
    });
    const toggle = await screen.findByRole('switch', { name: 'Available' });
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(toggle);
    expect((await screen.findByRole('alert')).textContent).toBe('Something went wrong on our side.');
    expect(toggle.getAttribute('aria-checked')).toBe('true');
  });

  it('starts on the sign-in screen without a session', async () => {
    mockFetch({ 'GET /api/auth/me': () => apiError(401, 'unauthorized', 'Sign in first') });
    render(<App createSocket={fakeSockets().createSocket} />);
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows an offline indicator while the socket is down', async () => {
    const { sockets, connect } = setup();
    await connect();
    expect(screen.getByRole('status').textContent).toContain('Live');
    actSync(() => sockets.last.drop(1006));
    expect(screen.getByRole('status').textContent).toContain('Offline');
  });
});
