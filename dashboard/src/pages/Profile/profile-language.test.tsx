// The Language combobox on the Profile page: saved on the server, the whole dashboard switches at once (words and
// dates), and a reload keeps it because the server returns it with the agent.
import type { Agent } from '@livechat/shared/model';
import { afterEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '../../test-utils/render.js';
import { setupApp } from '../../test-utils/app-setup.js';
import { setActiveLocale } from '../../i18n/locale.js';
import type { Handler } from '../../test-utils/fetch-mock.js';

afterEach(() => setActiveLocale('en'));

const nav = () => within(screen.getByRole('complementary'));

describe('the dashboard language', () => {
  it('switches every word and date to Turkish once saved, and back to the browser default', async () => {
    let stored: Agent['language'] = null;
    const save: Handler = (call) => {
      stored = (call.body as { language: Agent['language'] }).language;
      return { body: { agent: { ...me, language: stored } } };
    };
    const { me, http, unmount } = setupApp({ routes: { 'PATCH /api/me/profile': save } });
    fireEvent.click(await screen.findByRole('link', { name: 'Profile' }));
    await screen.findByRole('heading', { name: 'Profile', level: 1 });
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByText(/^Member since January 6, 2025$/)).toBeTruthy();

    const language = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Language' });
    expect([...language.options].map((o) => o.text)).toEqual([
      'Browser default (English)',
      'English',
      'Türkçe',
      'Slovenščina',
    ]);
    expect(language.value).toBe('');
    fireEvent.change(language, { target: { value: 'tr' } });
    // Nothing changes before the choice is saved.
    expect(nav().getByRole('link', { name: /^Inbox/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save language' }));

    await waitFor(() => expect(nav().getByRole('link', { name: /^Gelen kutusu/ })).toBeTruthy());
    expect(http.calls.filter((c) => c.url === '/api/me/profile').map((c) => c.body)).toEqual([
      { language: 'tr' },
    ]);
    expect(nav().getByRole('link', { name: 'Profil' }).getAttribute('aria-current')).toBe('page');
    expect(nav().queryByRole('link', { name: /^Inbox/ })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Profil', level: 1 })).toBeTruthy();
    expect(screen.getByText('6 Ocak 2025 tarihinden beri üye')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Profili kaydet' })).toBeTruthy();
    expect(screen.getByText('Kaydedildi.')).toBeTruthy();
    expect(document.documentElement.lang).toBe('tr');

    // A reload (the server returns the stored language with the agent) stays in Turkish.
    unmount();
    setupApp({
      routes: {
        'GET /api/auth/me': () => ({ body: { agent: { ...me, language: stored } } }),
        'PATCH /api/me/profile': save,
      },
    });
    await screen.findByRole('complementary');
    expect(await nav().findByRole('link', { name: 'Ayarlar' })).toBeTruthy();
    fireEvent.click(nav().getByRole('link', { name: 'Profil' }));
    const again = await screen.findByRole<HTMLSelectElement>('combobox', { name: /Dil/ });
    expect(again.value).toBe('tr');

    // Back to the browser's language (English here): stored as null.
    fireEvent.change(again, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Dili kaydet' }));
    await waitFor(() => expect(nav().getByRole('link', { name: /^Inbox/ })).toBeTruthy());
    expect(stored).toBeNull();
    expect(document.documentElement.lang).toBe('en');
  });
});
