// The Files section of Settings (admins): which types of file a site takes, its size cap, and what it stores.
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '../../test-utils/render.js';
import { apiError, mockFetch, type Call, type Handler } from '../../test-utils/fetch-mock.js';
import { agent, site } from '../../test-utils/fixtures.js';
import { fileSettings } from '../../test-utils/media-fixtures.js';
import { NotificationSettingsStore } from '../../notifications/settings-store.js';
import { SettingsPage } from './settings-page.js';

const GROUPS = ['Images', 'PDF', 'Documents', 'Audio', 'Video', 'Archives'];

function setup(role: 'admin' | 'agent' = 'admin', routes: Record<string, Handler> = {}) {
  const http = mockFetch({
    'GET /api/me/settings': () => ({
      body: { settings: { newChat: true, assignedToMe: true, newMessage: false, sound: false } },
    }),
    'GET /api/sites': () => ({ body: { sites: [site()] } }),
    'GET /api/sites/site-1/files': () => ({ body: fileSettings() }),
    'PATCH /api/sites/site-1/files': ({ body }: Call) => ({
      body: { ...(body as object), storedBytes: 3 * 1024 * 1024 + 512 * 1024, storedFiles: 12 },
    }),
    ...routes,
  });
  const store = new NotificationSettingsStore();
  void store.load();
  render(<SettingsPage agent={agent({ role })} settings={store} />);
  return http;
}

async function section() {
  return within(await screen.findByRole('region', { name: 'Files' }));
}
const box = (files: Awaited<ReturnType<typeof section>>, name: string) =>
  files.getByRole<HTMLInputElement>('checkbox', { name });

describe('Files settings', () => {
  it('shows the site’s rules and what it stores, and saves changes', async () => {
    const http = setup();
    const files = await section();
    await files.findByRole('checkbox', { name: 'Images' });
    expect(GROUPS.map((g) => box(files, g).checked)).toEqual([true, true, true, true, false, false]);
    const size = files.getByRole<HTMLInputElement>('textbox', { name: 'Max file size (MB)' });
    expect(size.value).toBe('');
    expect(files.getByText(/Leave empty for the channel's limit \(25 MB on the web\)/)).toBeTruthy();
    expect(files.getByText('Stored now: 12 files, 3.5 MB')).toBeTruthy();

    fireEvent.click(box(files, 'Video'));
    fireEvent.click(box(files, 'Documents'));
    fireEvent.input(size, { target: { value: '2,5' } });
    fireEvent.click(files.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(files.getByRole('status').textContent).toBe('Saved'));
    expect(http.calls.find((c) => c.method === 'PATCH')).toMatchObject({
      url: '/api/sites/site-1/files',
      body: { allowed: ['image', 'pdf', 'audio', 'video'], maxFileBytes: 2.5 * 1024 * 1024 },
    });
    expect(size.value).toBe('2.5');

    // Emptied, the size goes back to the channel's; nothing ticked turns attachments off.
    fireEvent.input(size, { target: { value: '' } });
    for (const g of ['Images', 'PDF', 'Audio', 'Video']) fireEvent.click(box(files, g));
    fireEvent.click(files.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(http.calls.filter((c) => c.method === 'PATCH').at(-1)?.body).toEqual({
        allowed: [],
        maxFileBytes: null,
      }),
    );
  });

  it('checks the size before saving, and shows the server’s refusal', async () => {
    const http = setup('admin', {
      'PATCH /api/sites/site-1/files': () => apiError(403, 'forbidden', 'Only admins can change this.'),
    });
    const files = await section();
    const size = await files.findByRole<HTMLInputElement>('textbox', { name: 'Max file size (MB)' });
    fireEvent.input(size, { target: { value: '30' } });
    fireEvent.click(files.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(size.getAttribute('aria-invalid')).toBe('true'));
    expect(files.getByText('At most 25 MB.')).toBeTruthy();
    fireEvent.input(size, { target: { value: 'lots' } });
    fireEvent.click(files.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(files.getByText('Enter a size in MB, like 10.')).toBeTruthy());
    expect(http.calls.some((c) => c.method === 'PATCH')).toBe(false);

    fireEvent.input(size, { target: { value: '10' } });
    fireEvent.click(files.getByRole('button', { name: 'Save' }));
    expect((await files.findByRole('alert')).textContent).toBe('Only admins can change this.');
  });

  it('is not there for agents, who never ask for it', async () => {
    const http = setup('agent');
    await screen.findByRole('checkbox', { name: 'Play a sound' });
    expect(screen.queryByRole('region', { name: 'Files' })).toBeNull();
    expect(http.calls.some((c) => c.url.startsWith('/api/sites'))).toBe(false);
  });
});
