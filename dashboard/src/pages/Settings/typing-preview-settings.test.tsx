// The "Typing" section of Settings (admins): the "Share typing preview" switch, saved as soon as it is switched.
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '../../test-utils/render.js';
import { mockFetch, type Call } from '../../test-utils/fetch-mock.js';
import { agent, site } from '../../test-utils/fixtures.js';
import { NotificationSettingsStore } from '../../notifications/settings-store.js';
import { SettingsPage } from './settings-page.js';

function setup(role: 'admin' | 'agent') {
  const http = mockFetch({
    'GET /api/me/settings': () => ({
      body: { settings: { newChat: true, assignedToMe: true, newMessage: false, sound: false } },
    }),
    'GET /api/sites': () => ({ body: { sites: [site()] } }),
    'GET /api/sites/site-1/closing-messages': () => ({ body: { closingMessages: [] } }),
    'PATCH /api/sites/site-1': ({ body }: Call) => ({ body: { site: site(body as object) } }),
  });
  const store = new NotificationSettingsStore();
  void store.load();
  render(<SettingsPage agent={agent({ role })} settings={store} />);
  return http;
}

describe('Share typing preview', () => {
  it('is off by default and saves each switch for the site', async () => {
    const http = setup('admin');
    const card = within(await screen.findByRole('region', { name: 'Typing' }));
    const toggle = await card.findByRole('switch', { name: 'Share typing preview' });
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('true'));
    await waitFor(() => expect(toggle.getAttribute('aria-busy')).toBe('false'));
    expect(http.calls.filter((c) => c.method === 'PATCH').map((c) => c.body)).toEqual([
      { typingPreview: true },
    ]);
  });

  it('is not offered to agents', async () => {
    setup('agent');
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Typing' })).toBeNull());
    expect(screen.queryByRole('switch', { name: 'Share typing preview' })).toBeNull();
  });
});
