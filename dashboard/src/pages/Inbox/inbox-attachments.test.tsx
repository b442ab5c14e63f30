// Files in the reply box: the paperclip, paste and drag and drop; each file uploads at once with progress and can be
// cancelled; a refusal is said on its chip and that file is not sent; Send carries the ids with the caption.
import type { AgentMessageSend } from '@livechat/shared/protocol';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '../../test-utils/render.js';
import { setupApp } from '../../test-utils/app-setup.js';
import { conversation, message } from '../../test-utils/fixtures.js';
import { attachment, file } from '../../test-utils/media-fixtures.js';
import { mockXhr } from '../../test-utils/xhr-mock.js';
import { contact } from '../../test-utils/sms-fixtures.js';

async function replyBox(app = setupApp()) {
  location.hash = '#/inbox/c-1';
  const xhr = mockXhr();
  await app.connect();
  const box = await screen.findByRole<HTMLTextAreaElement>('textbox', { name: 'Reply' });
  const form = box.closest('form')!;
  const send = () => screen.getByRole<HTMLButtonElement>('button', { name: 'Send' });
  const chips = () => screen.queryByRole('list', { name: 'Attached files' });
  const sent = () => app.sockets.last.sentOfType<AgentMessageSend>('message.send');
  return { ...app, xhr, box, form, send, chips, sent };
}

const stored = (name: string, id: string, over = {}) => ({ file: attachment({ id, name, ...over }) });
const progress = (name: string) => screen.getByRole('progressbar', { name });

describe('Attaching files to a reply', () => {
  it('attaches with the paperclip, uploads at once with progress, and sends the ids with the caption', async () => {
    const r = await replyBox();
    expect(r.send().disabled).toBe(true);
    const input = r.form.querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(input.multiple).toBe(true);
    const opened = vi.spyOn(input, 'click').mockImplementation(() => {});
    fireEvent.click(screen.getByRole('button', { name: 'Attach file' }));
    expect(opened).toHaveBeenCalled();

    const photo = file('photo.png', 'image/png', 2048);
    const pdf = file('report.pdf', 'application/pdf', 14 * 1024);
    fireEvent.change(input, { target: { files: [photo, pdf] } });

    // Both upload at once, as raw bytes with the session cookie.
    expect(r.xhr.requests).toHaveLength(2);
    const up = r.xhr.forFile('photo.png');
    expect(up.method).toBe('POST');
    expect(up.path).toBe('/api/conversations/c-1/files');
    expect(up.withCredentials).toBe(true);
    expect(up.headers['Content-Type']).toBe('application/octet-stream');
    expect(up.body).toBe(photo);
    expect(up.query.get('upload')).toMatch(/^[0-9a-f]{32}$/);
    expect(up.query.get('voice')).toBeNull();

    const chips = within(r.chips()!);
    expect(chips.getByText('photo.png')).toBeTruthy();
    expect(chips.getByText('2 KB')).toBeTruthy();
    expect(chips.getByText('14 KB')).toBeTruthy();
    expect(progress('photo.png').getAttribute('aria-valuenow')).toBe('0');
    up.progress(512, 2048);
    await waitFor(() => expect(progress('photo.png').getAttribute('aria-valuenow')).toBe('25'));

    // A caption does not make it sendable while a file is still on its way.
    fireEvent.input(r.box, { target: { value: 'Here they are' } });
    expect(r.send().disabled).toBe(true);
    fireEvent.keyDown(r.box, { key: 'Enter' });
    expect(r.sent()).toEqual([]);

    up.answer(201, stored('photo.png', 'f-photo'));
    await waitFor(() => expect(screen.queryByRole('progressbar', { name: 'photo.png' })).toBeNull());
    expect(r.send().disabled).toBe(true);
    r.xhr
      .forFile('report.pdf')
      .answer(201, stored('report.pdf', 'f-pdf', { kind: 'file', mime: 'application/pdf' }));
    await waitFor(() => expect(r.send().disabled).toBe(false));

    fireEvent.click(r.send());
    expect(r.sent()).toEqual([
      expect.objectContaining({
        conversationId: 'c-1',
        body: 'Here they are',
        attachments: ['f-photo', 'f-pdf'],
      }),
    ]);
    // The composer is empty again, and the reply shows with its files while it is on its way.
    expect(r.box.value).toBe('');
    expect(r.chips()).toBeNull();
    const log = screen.getByRole('log', { name: 'Messages' });
    expect(within(log).getByRole('img', { name: 'photo.png' })).toBeTruthy();
    expect(within(log).getByRole('link', { name: /report\.pdf/ })).toBeTruthy();
  });

  it('sends files without a caption', async () => {
    const r = await replyBox();
    fireEvent.change(r.form.querySelector('input[type="file"]')!, {
      target: { files: [file('a.png', 'image/png')] },
    });
    r.xhr.forFile('a.png').answer(201, stored('a.png', 'f-a'));
    await waitFor(() => expect(r.send().disabled).toBe(false));
    fireEvent.keyDown(r.box, { key: 'Enter' });
    expect(r.sent()).toEqual([expect.objectContaining({ body: '', attachments: ['f-a'] })]);
  });

  it('attaches pasted files, and leaves a plain text paste to the text box', async () => {
    const r = await replyBox();
    const text = fireEvent.paste(r.box, { clipboardData: { types: ['text/plain'], files: [] } });
    expect(text).toBe(true); // not prevented: the browser pastes the text
    expect(r.xhr.requests).toHaveLength(0);

    const shot = file('image.png', 'image/png', 4096);
    const pasted = fireEvent.paste(r.box, { clipboardData: { types: ['Files'], files: [shot] } });
    expect(pasted).toBe(false);
    expect(r.xhr.forFile('image.png').body).toBe(shot);
    expect(within(r.chips()!).getByText('image.png')).toBeTruthy();
  });

  it('shows a drop zone while files are dragged over the composer, and attaches the dropped ones', async () => {
    const r = await replyBox();
    expect(screen.queryByText('Drop files to attach')).toBeNull();
    // Text dragged from the page is the browser's business.
    fireEvent.dragEnter(r.form, { dataTransfer: { types: ['text/plain'], files: [] } });
    expect(screen.queryByText('Drop files to attach')).toBeNull();

    const files = { types: ['Files'], files: [] as File[] };
    fireEvent.dragEnter(r.form, { dataTransfer: files });
    expect(screen.getByText('Drop files to attach')).toBeTruthy();
    // Crossing into a child and out of it keeps the zone.
    fireEvent.dragEnter(r.box, { dataTransfer: files });
    fireEvent.dragLeave(r.box, { dataTransfer: files });
    expect(screen.getByText('Drop files to attach')).toBeTruthy();
    // (Whether dragover and drop are cancelled, so the browser takes the drop, happy-dom cannot tell: its events of
    // these names are not cancelable. The Chromium test drops for real.)
    fireEvent.dragOver(r.form, { dataTransfer: files });
    fireEvent.dragLeave(r.form, { dataTransfer: files });
    expect(screen.queryByText('Drop files to attach')).toBeNull();

    fireEvent.dragEnter(r.form, { dataTransfer: files });
    const doc = file('notes.txt', 'text/plain', 300);
    fireEvent.drop(r.form, { dataTransfer: { types: ['Files'], files: [doc] } });
    expect(screen.queryByText('Drop files to attach')).toBeNull();
    expect(r.xhr.forFile('notes.txt').body).toBe(doc);
  });

  it('cancels an upload with its Remove button', async () => {
    const r = await replyBox();
    fireEvent.change(r.form.querySelector('input[type="file"]')!, {
      target: { files: [file('big.pdf', 'application/pdf', 5000), file('b.png', 'image/png')] },
    });
    const big = r.xhr.forFile('big.pdf');
    big.progress(1500, 5000);
    await waitFor(() => expect(progress('big.pdf').getAttribute('aria-valuenow')).toBe('30'));
    fireEvent.click(screen.getByRole('button', { name: 'Remove big.pdf' }));
    expect(big.aborted).toBe(true);
    expect(within(r.chips()!).queryByText('big.pdf')).toBeNull();

    r.xhr.forFile('b.png').answer(201, stored('b.png', 'f-b'));
    await waitFor(() => expect(r.send().disabled).toBe(false));
    // A finished file can be removed too, and is then not sent.
    fireEvent.click(screen.getByRole('button', { name: 'Remove b.png' }));
    expect(r.chips()).toBeNull();
    expect(r.send().disabled).toBe(true);
  });

  it('says on the chip why the server refused a file, and sends only the others', async () => {
    const r = await replyBox();
    fireEvent.change(r.form.querySelector('input[type="file"]')!, {
      target: {
        files: [
          file('huge.mov', 'video/quicktime'),
          file('page.html', 'text/html'),
          file('ok.png', 'image/png'),
        ],
      },
    });
    r.xhr
      .forFile('huge.mov')
      .refuse(413, 'payload_too_large', 'This file is larger than 10 MB, the most this site takes.');
    r.xhr.forFile('page.html').refuse(415, 'unsupported_type', 'Web pages cannot be sent.');
    r.xhr.forFile('ok.png').answer(201, stored('ok.png', 'f-ok'));
    const chips = within(r.chips()!);
    await waitFor(() =>
      expect(chips.getAllByRole('alert').map((a) => a.textContent)).toEqual([
        'This file is larger than 10 MB, the most this site takes.',
        'Web pages cannot be sent.',
      ]),
    );
    fireEvent.input(r.box, { target: { value: 'One of three' } });
    fireEvent.click(r.send());
    expect(r.sent()).toEqual([expect.objectContaining({ body: 'One of three', attachments: ['f-ok'] })]);
    // The refusals stay in view until removed.
    expect(chips.getAllByRole('alert')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Remove huge.mov' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove page.html' }));
    expect(r.chips()).toBeNull();
  });

  it('refuses a file larger than any channel takes without uploading it, and more than 10 files', async () => {
    const r = await replyBox();
    const huge = file('movie.mp4', 'video/mp4');
    Object.defineProperty(huge, 'size', { value: 26 * 1024 * 1024 });
    const input = r.form.querySelector('input[type="file"]')!;
    fireEvent.change(input, { target: { files: [huge] } });
    expect(r.xhr.requests).toHaveLength(0);
    expect(within(r.chips()!).getByRole('alert').textContent).toBe(
      'This file is larger than 25 MB, the most one file can be.',
    );

    const many = Array.from({ length: 10 }, (_, i) => file(`f${i}.png`, 'image/png'));
    fireEvent.change(input, { target: { files: many } });
    // One chip was taken: nine more fit.
    expect(r.xhr.requests).toHaveLength(9);
    expect(within(r.chips()!).getAllByRole('listitem')).toHaveLength(10);
    expect(screen.getByText('Up to 10 files in one message.')).toBeTruthy();
  });

  it('shows the server’s refusal of a file on an SMS conversation', async () => {
    const sms = conversation({ channel: 'sms', visitorId: 'ct-1', visitorName: '+14155550100', lastSeq: 1 });
    const r = await replyBox(
      setupApp({
        conv: sms,
        history: [message(1, { body: 'Hi' })],
        routes: { 'GET /api/contacts/ct-1': () => ({ body: { contact: contact(), conversations: [sms] } }) },
      }),
    );
    fireEvent.change(r.form.querySelector('input[type="file"]')!, {
      target: { files: [file('terms.pdf', 'application/pdf')] },
    });
    r.xhr.forFile('terms.pdf').refuse(415, 'unsupported_type', 'Text messages can carry images only.');
    await waitFor(() =>
      expect(within(r.chips()!).getByRole('alert').textContent).toBe('Text messages can carry images only.'),
    );
    expect(r.send().disabled).toBe(true);
  });
});
