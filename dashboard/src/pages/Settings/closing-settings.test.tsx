// The "Closing and reopening" section of Settings (admins): the reopening switch and the closing messages.
import { describe, expect, it } from 'vitest';
import type { ClosingMessage } from '@livechat/shared/api';
import { fireEvent, render, screen, waitFor, within } from '../../test-utils/render.js';
import { mockFetch, type Call, type Handler } from '../../test-utils/fetch-mock.js';
import { agent, site, T0 } from '../../test-utils/fixtures.js';
import { fieldError } from '../../test-utils/field-error.js';
import { NotificationSettingsStore } from '../../notifications/settings-store.js';
import { SettingsPage } from './settings-page.js';

const BUILT_IN: ClosingMessage = {
  id: 'cm-1',
  text: 'Thanks for chatting with us. Have a great day!',
  locale: 'en',
  updatedAt: T0,
};
const BASE = '/api/sites/site-1/closing-messages';

function setup(role: 'admin' | 'agent' = 'admin', routes: Record<string, Handler> = {}) {
  const http = mockFetch({
    'GET /api/me/settings': () => ({
      body: { settings: { newChat: true, assignedToMe: true, newMessage: false, sound: false } },
    }),
    'GET /api/sites': () => ({ body: { sites: [site()] } }),
    [`GET ${BASE}`]: () => ({ body: { closingMessages: [BUILT_IN] } }),
    'PATCH /api/sites/site-1': ({ body }: Call) => ({ body: { site: site(body as object) } }),
    ...routes,
  });
  const store = new NotificationSettingsStore();
  void store.load();
  render(<SettingsPage agent={agent({ role })} settings={store} />);
  return http;
}

const section = async () => within(await screen.findByRole('region', { name: 'Closing and reopening' }));

describe('Closing and reopening settings', () => {
  it('switches reopening on and off for the site (off by default)', async () => {
    const http = setup();
    const card = await section();
    const toggle = await card.findByRole('switch', { name: 'Allow reopening closed chats' });
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.getAttribute('aria-busy')).toBe('false'));
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('false'));
    expect(http.calls.filter((c) => c.method === 'PATCH').map((c) => c.body)).toEqual([
      { allowReopen: true },
      { allowReopen: false },
    ]);
  });

  it('lists, adds, edits and deletes closing messages, with refusals in words', async () => {
    const http = setup('admin', {
      [`POST ${BASE}`]: ({ body }: Call) =>
        (body as { text: string }).text.trim() === ''
          ? {
              status: 400,
              body: {
                error: {
                  code: 'invalid_request',
                  message: 'The request is invalid.',
                  details: [{ path: 'body.text', message: 'Enter the message.' }],
                },
              },
            }
          : {
              status: 201,
              body: { closingMessage: { id: 'cm-2', text: 'See you!', locale: null, updatedAt: T0 } },
            },
      [`PUT ${BASE}/cm-2`]: ({ body }: Call) => ({
        body: {
          closingMessage: { id: 'cm-2', text: (body as { text: string }).text, locale: null, updatedAt: T0 },
        },
      }),
      [`DELETE ${BASE}/cm-1`]: () => ({ status: 204 }),
    });
    const card = await section();
    const list = await card.findByRole('list', { name: 'Closing messages' });
    expect(within(list).getByText(BUILT_IN.text)).toBeTruthy();
    expect(within(list).getByText('Built in (English)')).toBeTruthy();

    const add = card.getByRole('button', { name: 'Add closing message' });
    fireEvent.click(add);
    const input = card.getByRole('textbox', { name: 'New closing message' });
    await waitFor(() => expect(fieldError(input)).toBe('Enter the message.'));
    fireEvent.input(card.getByRole('textbox', { name: 'New closing message' }), {
      target: { value: 'See you!' },
    });
    fireEvent.click(add);
    await within(list).findByText('See you!');
    expect(card.getByRole<HTMLTextAreaElement>('textbox', { name: 'New closing message' }).value).toBe('');

    fireEvent.click(within(list).getByRole('button', { name: 'Edit “See you!”' }));
    const edit = within(list).getByRole('textbox', { name: 'Edit closing message' });
    fireEvent.input(edit, { target: { value: 'See you soon!' } });
    fireEvent.click(within(list).getByRole('button', { name: 'Save' }));
    await within(list).findByText('See you soon!');

    fireEvent.click(within(list).getByRole('button', { name: `Delete “${BUILT_IN.text}”` }));
    await waitFor(() => expect(within(list).queryByText(BUILT_IN.text)).toBeNull());
    expect(http.calls.filter((c) => c.method !== 'GET').map((c) => [c.method, c.url, c.body])).toEqual([
      ['POST', BASE, { text: '' }],
      ['POST', BASE, { text: 'See you!' }],
      ['PUT', `${BASE}/cm-2`, { text: 'See you soon!' }],
      ['DELETE', `${BASE}/cm-1`, undefined],
    ]);
  });

  it('is not shown to agents', async () => {
    setup('agent');
    await screen.findByRole('heading', { name: 'Settings' });
    expect(screen.queryByRole('region', { name: 'Closing and reopening' })).toBeNull();
  });
});
