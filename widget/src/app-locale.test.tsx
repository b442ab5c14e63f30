// The panel's language: the browser's first language we speak, else the site's default, else English. English is
// built in; the other tables are fetched on first use (once per page: the first test here sees the fetch).
import { describe, expect, it } from 'vitest';
import {
  SITE,
  TOKEN,
  agentJoined,
  botMessage,
  question,
  systemMessage,
  welcome,
} from './testing/fake-socket.js';
import { mountForTest, server } from './testing/mount.js';
import { browserLanguages, typeAndEnter } from './testing/user.js';

const connect = (m: ReturnType<typeof mountForTest>, locale: string, ...messages: object[]) =>
  server(() => {
    m.net.last.open();
    m.net.last.receive(welcome('c1', TOKEN, { site: { ...SITE, locale }, online: false }));
    for (const message of messages) m.net.last.receive({ type: 'message.created', message });
  });

describe('panel language', () => {
  it('speaks Turkish when the browser prefers it, whatever the site default', async () => {
    browserLanguages(['tr-TR', 'en-US']);
    const m = mountForTest();
    // Nothing in English meanwhile: the panel waits for its words.
    expect(m.root.querySelector('section')).toBeNull();
    expect(await m.ui.findByRole('heading', { name: 'Bizimle sohbet edin' })).toBeTruthy();
    // Focused once it is there, as an opened panel is.
    expect(document.activeElement).toBe(m.ui.getByRole('textbox', { name: 'Mesaj' }));
    expect(m.ui.getByText('Bağlanıyor…')).toBeTruthy();
    await connect(m, 'sl', botMessage(1, question('email')));
    expect(m.root.querySelector('section')?.getAttribute('lang')).toBe('tr');
    expect(m.ui.getByRole('button', { name: 'Sohbeti kapat' })).toBeTruthy();
    expect(m.ui.getByRole('button', { name: 'Gönder' })).toBeTruthy();
    expect(m.ui.getByRole('textbox', { name: 'Mesaj' })).toBeTruthy();
    expect(m.ui.getByText('Şu anda çevrimdışıyız — bize mesaj bırakın')).toBeTruthy();
    await server(() =>
      m.net.last.receive({ type: 'message.created', message: systemMessage(2, agentJoined('Ayşe Yılmaz')) }),
    );
    expect(m.ui.getByText('Ayşe Yılmaz sohbete katıldı')).toBeTruthy();
  });

  it("uses the site's default when the browser's languages are not ours", async () => {
    browserLanguages(['de-DE', 'fr']);
    const m = mountForTest();
    expect(m.ui.getByRole('button', { name: 'Send' })).toBeTruthy(); // English until the site says otherwise
    await connect(m, 'sl', botMessage(1, question('email')));
    expect(await m.ui.findByRole('button', { name: 'Pošlji' })).toBeTruthy();
    const box = m.ui.getByRole('textbox', { name: 'Sporočilo' });
    expect(box.getAttribute('placeholder')).toBe('Vaš e-poštni naslov');
    typeAndEnter(box, 'ni-naslov');
    expect(m.ui.getByRole('alert').textContent).toBe('Vpišite veljaven e-poštni naslov.');
  });

  it('falls back to English', async () => {
    browserLanguages(['de']);
    const m = mountForTest();
    await server(() => {
      m.net.last.open();
      m.net.last.receive(welcome('c1', TOKEN)); // an older server: no site, no presence
    });
    expect(m.ui.getByRole('button', { name: 'Close chat' })).toBeTruthy();
    expect(m.ui.getByRole('heading', { name: 'Chat with us' })).toBeTruthy();
    expect(m.ui.getByText("We're online")).toBeTruthy();
  });
});
