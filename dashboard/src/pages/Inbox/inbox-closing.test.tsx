// "Close chat" with a closing message, and "Reopen" where the site allows it.
import { describe, expect, it } from 'vitest';
import type { ClosingMessage } from '@livechat/shared/api';
import { fireEvent, screen, waitFor, within } from '../../test-utils/render.js';
import { apiError } from '../../test-utils/fetch-mock.js';
import { setupApp } from '../../test-utils/app-setup.js';
import { conversation, T0 } from '../../test-utils/fixtures.js';

const THANKS: ClosingMessage = {
  id: 'cm-1',
  text: 'Thanks for chatting with us. Have a great day!',
  locale: 'en',
  updatedAt: T0,
};
const OWN: ClosingMessage = { id: 'cm-2', text: 'See you soon!', locale: null, updatedAt: T0 };

const options = (reopenAllowed: boolean) => () => ({
  body: { closingMessages: [THANKS, OWN], reopenAllowed },
});
const closed = conversation({
  status: 'closed',
  closedAt: T0 + 1000,
  updatedAt: T0 + 1000,
  assigneeId: 'ag-1',
});

describe('Closing and reopening in the inbox', () => {
  it('offers the closing messages and sends the one chosen with the close', async () => {
    location.hash = '#/inbox/c-1';
    const { http, connect } = setupApp({
      conv: conversation({ assigneeId: 'ag-1' }),
      routes: {
        'GET /api/conversations/c-1/close-options': options(false),
        'POST /api/conversations/c-1/close': () => ({ body: { conversation: closed } }),
      },
    });
    await connect();
    const view = await screen.findByRole('region', { name: 'Conversation #1' });
    const choice = within(view).getByRole<HTMLSelectElement>('combobox', { name: 'Closing message' });
    await waitFor(() =>
      expect([...choice.options].map((o) => o.text)).toEqual(['None', THANKS.text, OWN.text]),
    );
    expect(choice.value).toBe('');
    fireEvent.change(choice, { target: { value: 'cm-1' } });
    fireEvent.click(within(view).getByRole('button', { name: 'Close chat' }));
    await within(view).findByText(/^Closed/, { selector: '.thread-header__sub span' });
    expect(http.calls.filter((c) => c.method === 'POST').map((c) => [c.url, c.body])).toEqual([
      ['/api/conversations/c-1/close', { closingMessageId: 'cm-1' }],
    ]);
    // Closed, on a site that keeps closed chats closed: nothing to reopen, nothing to choose.
    expect(within(view).queryByRole('button', { name: 'Reopen' })).toBeNull();
    expect(within(view).queryByRole('combobox', { name: 'Closing message' })).toBeNull();
  });

  it('closes without a message when None is chosen, and still closes when the choices could not load', async () => {
    location.hash = '#/inbox/c-1';
    const { http, connect } = setupApp({
      conv: conversation({ assigneeId: 'ag-1' }),
      routes: {
        'GET /api/conversations/c-1/close-options': () => apiError(500, 'internal', 'Something went wrong.'),
        'POST /api/conversations/c-1/close': () => ({ body: { conversation: closed } }),
      },
    });
    await connect();
    const view = await screen.findByRole('region', { name: 'Conversation #1' });
    const choice = within(view).getByRole<HTMLSelectElement>('combobox', { name: 'Closing message' });
    expect([...choice.options].map((o) => o.text)).toEqual(['None']);
    fireEvent.click(within(view).getByRole('button', { name: 'Close chat' }));
    await within(view).findByText(/^Closed/, { selector: '.thread-header__sub span' });
    const close = http.calls.find((c) => c.url === '/api/conversations/c-1/close');
    expect(close?.body).toBeUndefined();
  });

  it('reopens a closed chat where the site allows it, and shows a refusal in words', async () => {
    location.hash = '#/inbox/c-1';
    let refuse = true;
    const { http, connect } = setupApp({
      conv: closed,
      routes: {
        'GET /api/conversations/c-1/close-options': options(true),
        'POST /api/conversations/c-1/reopen': () =>
          refuse
            ? apiError(409, 'conflict', 'This contact already has an open conversation on this channel (#7).')
            : { body: { conversation: conversation({ assigneeId: 'ag-1', updatedAt: T0 + 2000 }) } },
      },
    });
    await connect();
    const view = await screen.findByRole('region', { name: 'Conversation #1' });
    const reopen = await within(view).findByRole('button', { name: 'Reopen' });
    expect(within(view).queryByRole('button', { name: 'Close chat' })).toBeNull();
    fireEvent.click(reopen);
    expect((await within(view).findByRole('alert')).textContent).toBe(
      'This contact already has an open conversation on this channel (#7).',
    );
    refuse = false;
    fireEvent.click(within(view).getByRole('button', { name: 'Reopen' }));
    await within(view).findByRole('button', { name: 'Close chat' });
    expect(within(view).getByText('Open')).toBeTruthy();
    expect(within(view).queryByRole('button', { name: 'Reopen' })).toBeNull();
    expect(http.calls.filter((c) => c.url === '/api/conversations/c-1/reopen')).toHaveLength(2);
  });
});
