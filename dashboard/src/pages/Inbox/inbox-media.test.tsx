// Files in the timeline (thumbnails that open larger, players, cards that download) and the Gallery tab of the side
// panel, which refreshes when a message with files arrives.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '../../test-utils/render.js';
import { setupApp } from '../../test-utils/app-setup.js';
import { message, T0 } from '../../test-utils/fixtures.js';
import { attachment, galleryFile } from '../../test-utils/media-fixtures.js';

const photo = attachment({ id: 'f-photo', name: 'photo.png' });
const voice = attachment({
  id: 'f-voice',
  name: 'voice-message.webm',
  mime: 'audio/webm',
  kind: 'audio',
  size: 30_000,
  voice: true,
});
const song = attachment({ id: 'f-song', name: 'jingle.mp3', mime: 'audio/mpeg', kind: 'audio' });
const pdf = attachment({
  id: 'f-pdf',
  name: 'report.pdf',
  mime: 'application/pdf',
  kind: 'file',
  size: 14 * 1024,
});
const sheet = attachment({
  id: 'f-xlsx',
  name: 'prices.xlsx',
  mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  kind: 'file',
  size: 3_500_000,
});

async function open(history = [message(1, { body: 'Hello there' })], routes = {}) {
  location.hash = '#/inbox/c-1';
  const app = setupApp({ history, routes });
  await app.connect();
  const log = await screen.findByRole('log', { name: 'Messages' });
  await within(log).findAllByRole('listitem');
  return { ...app, log };
}

describe('Files in the timeline', () => {
  it('shows images as lazy thumbnails that open larger in a dialog, closed by Escape', async () => {
    const { log } = await open([message(1, { body: 'Look at this', attachments: [photo] })]);
    const img = within(log).getByRole<HTMLImageElement>('img', { name: 'photo.png' });
    expect(img.getAttribute('src')).toBe(photo.url);
    expect(img.getAttribute('loading')).toBe('lazy');
    // The caption under it, as any body.
    expect(within(log).getByText('Look at this')).toBeTruthy();

    const thumb = within(log).getByRole('button', { name: 'Open photo.png' });
    thumb.focus();
    fireEvent.click(thumb);
    const dialog = screen.getByRole('dialog', { name: 'photo.png' });
    expect(within(dialog).getByRole('img', { name: 'photo.png' }).getAttribute('src')).toBe(photo.url);
    expect(within(dialog).getByRole('link', { name: 'Download' }).getAttribute('download')).toBe('photo.png');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog', { name: 'photo.png' })).toBeNull();
    expect(document.activeElement).toBe(thumb);

    // The Close button closes it too.
    fireEvent.click(thumb);
    fireEvent.click(
      within(screen.getByRole('dialog', { name: 'photo.png' })).getByRole('button', { name: 'Close' }),
    );
    expect(screen.queryByRole('dialog', { name: 'photo.png' })).toBeNull();
  });

  it('plays audio inline, names voice notes, and shows other files as cards that download', async () => {
    const { log } = await open([message(1, { body: '', attachments: [voice, song, pdf, sheet] })]);
    const note = within(log).getByLabelText<HTMLAudioElement>('Voice message');
    expect(note.tagName).toBe('AUDIO');
    expect(note.controls).toBe(true);
    expect(note.getAttribute('src')).toBe(voice.url);
    expect(within(log).getByText('Voice message')).toBeTruthy();
    expect(within(log).getByLabelText('jingle.mp3').tagName).toBe('AUDIO');

    const card = within(log).getByRole('link', { name: /report\.pdf/ });
    expect(card.getAttribute('href')).toBe(pdf.url);
    expect(card.getAttribute('download')).toBe('report.pdf');
    expect(card.textContent).toBe('report.pdfPDF · 14 KB');
    expect(within(log).getByRole('link', { name: /prices\.xlsx/ }).textContent).toContain('XLSX · 3.3 MB');
    // No empty bubble for an empty caption.
    expect(log.querySelector('.msg__body')).toBeNull();
  });
});

describe('Gallery', () => {
  const files = [
    galleryFile({
      id: 'g-1',
      name: 'latest.png',
      author: { kind: 'agent', name: 'Ada Admin' },
      createdAt: T0,
    }),
    galleryFile({
      id: 'g-2',
      name: 'invoice.pdf',
      mime: 'application/pdf',
      kind: 'file',
      size: 2048,
      author: { kind: 'visitor', name: 'Vera Visitor' },
    }),
    galleryFile({ id: 'g-3', name: 'old.jpg', mime: 'image/jpeg', conversationId: 'c-0' }),
    galleryFile({ id: 'g-5', name: 'voice.webm', mime: 'audio/webm', kind: 'audio', voice: true }),
  ];

  it('lists every image and file of the contact’s conversations with who sent it, and refreshes', async () => {
    let answer = files;
    const { http, server } = await open(undefined, {
      'GET /api/conversations/c-1/gallery': () => ({ body: { files: answer } }),
    });
    const asked = () => http.calls.filter((c) => c.url === '/api/conversations/c-1/gallery').length;
    // Loaded when first shown, not before.
    expect(asked()).toBe(0);
    const tab = screen.getByRole('tab', { name: 'Gallery' });
    expect(screen.getByRole('tab', { name: 'Overview' }).getAttribute('aria-selected')).toBe('true');
    fireEvent.click(tab);
    expect(tab.getAttribute('aria-selected')).toBe('true');
    const panel = screen.getByRole('tabpanel', { name: 'Gallery' });
    const images = await within(panel).findByRole('list', { name: 'Images' });
    expect(
      within(images)
        .getAllByRole('img')
        .map((i) => i.getAttribute('alt')),
    ).toEqual(['latest.png', 'old.jpg']);
    expect(images.textContent).toContain('Ada Admin');
    expect(within(images).getAllByRole('listitem')[1]!.textContent).toContain('another conversation');
    const list = within(panel).getByRole('list', { name: 'Files' });
    expect(
      within(list)
        .getByRole('link', { name: /invoice\.pdf/ })
        .getAttribute('href'),
    ).toBe(files[1]!.url);
    expect(list.textContent).toContain('Vera Visitor');
    // A voice note plays where it is listed.
    expect(within(list).getByLabelText('Voice message').getAttribute('src')).toBe(files[3]!.url);
    // The overview is hidden, not gone (unsaved details survive).
    expect(screen.getByRole('textbox', { name: 'Contact name', hidden: true })).toBeTruthy();

    fireEvent.click(within(images).getByRole('button', { name: 'Open latest.png' }));
    expect(screen.getByRole('dialog', { name: 'latest.png' })).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('dialog', { name: 'latest.png' }), { key: 'Escape' });

    // A message with a file arrives: the Gallery asks again. One without files does not.
    expect(asked()).toBe(1);
    server({ type: 'message.created', message: message(2, { body: 'no files' }) });
    await new Promise((r) => setTimeout(r, 20));
    expect(asked()).toBe(1);
    answer = [galleryFile({ id: 'g-4', name: 'new.png' }), ...files];
    server({
      type: 'message.created',
      message: message(3, { body: '', attachments: [attachment({ id: 'g-4', name: 'new.png' })] }),
    });
    await waitFor(() => expect(asked()).toBe(2));
    await within(panel).findByRole('img', { name: 'new.png' });
  });

  it('says when there is nothing yet, and the tabs move with the arrow keys', async () => {
    await open(undefined, { 'GET /api/conversations/c-1/gallery': () => ({ body: { files: [] } }) });
    const overview = screen.getByRole('tab', { name: 'Overview' });
    overview.focus();
    fireEvent.keyDown(overview, { key: 'ArrowRight' });
    const gallery = screen.getByRole('tab', { name: 'Gallery' });
    expect(document.activeElement).toBe(gallery);
    expect(gallery.getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByText('No images or files yet.')).toBeTruthy();
  });
});
