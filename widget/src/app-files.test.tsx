// Files in the chat (issue 11), visitor side: attaching (button, paste, drop) with per-file progress, cancel and
// refusals in words; sending them on a message that goes through the outbox like text; showing the files of messages
// (fetched with the visitor token, shown from object URLs that are revoked on unmount).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, waitFor } from '@testing-library/preact';
import { act } from 'preact/test-utils';
import type { Attachment } from '@livechat/shared/model';
import { MAX_ATTACHMENTS } from '@livechat/shared/model';
import { MAX_FILES } from './media/files.js';
import {
  SITE,
  TOKEN,
  agentMessage,
  visitorMessage,
  welcome,
  type SentMessage,
} from './testing/fake-socket.js';
import { FakeXhr, storedFile, stubXhr } from './testing/fake-xhr.js';
import { mountForTest, server } from './testing/mount.js';
import { typeAndEnter } from './testing/user.js';

// Browsers have these handler properties (preact picks the event's lowercase name by them); happy-dom lacks them.
for (const name of ['ondrop', 'ondragover'])
  if (!(name in HTMLElement.prototype))
    Object.defineProperty(HTMLElement.prototype, name, { value: null, writable: true, configurable: true });

type Mounted = ReturnType<typeof mountForTest>;
type Send = SentMessage & { attachments?: string[] };

const connect = (m: Mounted, conversationId: string | null = 'c1') =>
  server(() => {
    m.net.last.open();
    m.net.last.receive(welcome(conversationId, TOKEN, { site: SITE, online: true }));
  });

const file = (name: string, type = 'image/png') => new File(['bytes'], name, { type });

/** Picks files with the "Attach file" button's file input. */
async function pick(m: Mounted, files: File[]) {
  const input = m.root.querySelector<HTMLInputElement>('input[type=file]')!;
  Object.defineProperty(input, 'files', { configurable: true, value: files });
  await act(() => {
    fireEvent.change(input);
  });
}

/** Runs a step of the network and lets its promise chain (upload, tray, panel) settle and render. */
const settle = (step: () => void) =>
  act(async () => {
    step();
    for (let i = 0; i < 20; i++) await Promise.resolve();
  });

const answer = (xhr: FakeXhr, status: number, body: object) => settle(() => xhr.answer(status, body));

const sendButton = (m: Mounted) => m.ui.getByRole<HTMLButtonElement>('button', { name: 'Send' });

let xhrs: FakeXhr[];
let fetched: { url: string; auth: string | null }[];
let created: string[];
/** The type of each object URL's blob, by URL. */
let types: Record<string, string>;
/** What the fake server answers for a file: its bytes' type. */
let servedType: string;
let revoked: string[];

beforeEach(() => {
  xhrs = stubXhr();
  fetched = [];
  created = [];
  types = {};
  servedType = 'image/png';
  revoked = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      fetched.push({ url, auth: new Headers(init?.headers).get('Authorization') });
      return new Response(new Blob(['file bytes'], { type: servedType }));
    }),
  );
  let n = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:https://demo.example/${++n}`;
    created.push(url);
    types[url] = (blob as Blob).type;
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => void revoked.push(url));
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('attaching files', () => {
  it('uploads a picked file with the visitor token, shows its progress, and sends it with a caption', async () => {
    const m = mountForTest();
    await connect(m);
    expect(m.ui.getByRole('button', { name: 'Attach file' })).toBeTruthy();
    await pick(m, [file('photo.png')]);

    const bar = await m.ui.findByRole('progressbar', { name: 'photo.png' });
    expect(xhrs).toHaveLength(1);
    const [xhr] = xhrs as [FakeXhr];
    expect(xhr.method).toBe('POST');
    expect(xhr.url.split('?')[0]).toBe('https://chat.example.com/api/widget/files');
    expect(xhr.query.get('siteKey')).toBe('site_1');
    expect(xhr.query.get('name')).toBe('photo.png');
    expect(xhr.query.get('upload')).toMatch(/^[0-9a-f]{32}$/);
    expect(xhr.query.has('voice')).toBe(false);
    expect(xhr.headers.Authorization).toBe(`Bearer ${TOKEN}`);
    expect(xhr.url).not.toContain(TOKEN);
    // Nothing to send while the file is still on its way.
    typeAndEnter(m.textbox(), 'look at this');
    expect(m.net.last.sentOfType('message.send')).toEqual([]);
    expect(sendButton(m).disabled).toBe(true);

    await act(() => xhr.progress(0.5));
    expect(bar.getAttribute('value')).toBe('0.5');
    await answer(xhr, 201, { file: storedFile('f1', { name: 'photo.png' }) });
    expect(m.ui.queryByRole('progressbar')).toBeNull();
    expect(sendButton(m).disabled).toBe(false);

    typeAndEnter(m.textbox(), 'look at this');
    const [sent] = m.net.last.sentOfType<Send>('message.send');
    expect(sent).toEqual({ type: 'message.send', id: sent!.id, body: 'look at this', attachments: ['f1'] });
    // The tray empties; the message shows the file and its caption at once, as "Sending…".
    expect(m.ui.queryByRole('listitem')).toBeNull();
    expect(m.bubbles()).toContain('look at this');
    expect(await m.ui.findByRole('button', { name: 'Open photo.png' })).toBeTruthy();
    expect(m.ui.getByText('Sending…')).toBeTruthy();
  });

  it('sends files without words: the body is empty', async () => {
    const m = mountForTest();
    await connect(m);
    await pick(m, [file('a.pdf', 'application/pdf'), file('b.png')]);
    await m.ui.findByRole('progressbar', { name: 'a.pdf' });
    await answer(xhrs[0]!, 201, { file: storedFile('fa', { name: 'a.pdf', kind: 'file' }) });
    expect(sendButton(m).disabled).toBe(true); // b.png is still uploading
    await answer(xhrs[1]!, 201, { file: storedFile('fb', { name: 'b.png' }) });
    await act(() => {
      fireEvent.click(sendButton(m));
    });
    const [sent] = m.net.last.sentOfType<Send>('message.send');
    expect(sent).toMatchObject({ body: '', attachments: ['fa', 'fb'] });
  });

  it('cancels a file while it uploads', async () => {
    const m = mountForTest();
    await connect(m);
    await pick(m, [file('big.mov', 'video/quicktime'), file('small.png')]);
    await m.ui.findByRole('progressbar', { name: 'big.mov' });
    await act(() => {
      fireEvent.click(m.ui.getByRole('button', { name: 'Cancel big.mov' }));
    });
    expect(xhrs[0]!.aborted).toBe(true);
    expect(m.ui.queryByRole('progressbar', { name: 'big.mov' })).toBeNull();
    await answer(xhrs[1]!, 201, { file: storedFile('fs', { name: 'small.png' }) });
    typeAndEnter(m.textbox(), '');
    expect(m.net.last.sentOfType<Send>('message.send')[0]).toMatchObject({ attachments: ['fs'] });
  });

  it('says in words why the server refused a file, and sends the others', async () => {
    const m = mountForTest();
    await connect(m);
    await pick(m, [file('huge.zip', 'application/zip'), file('page.html', 'text/html'), file('ok.png')]);
    await m.ui.findByRole('progressbar', { name: 'huge.zip' });
    await answer(xhrs[0]!, 413, {
      error: { code: 'payload_too_large', message: 'This file is larger than 25 MB.' },
    });
    await answer(xhrs[1]!, 415, {
      error: { code: 'unsupported_type', message: 'Files of this type cannot be sent.' },
    });
    await answer(xhrs[2]!, 429, {
      error: { code: 'rate_limited', message: 'Too many files. Please wait a minute.' },
    });
    expect(m.ui.getAllByRole('alert').map((a) => a.textContent)).toEqual([
      'This file is larger than 25 MB.',
      'Files of this type cannot be sent.',
      'Too many files. Please wait a minute.',
    ]);
    // Nothing was uploaded, so only words can be sent; a refused file can be taken out.
    expect(sendButton(m).disabled).toBe(true);
    await act(() => {
      fireEvent.click(m.ui.getByRole('button', { name: 'Remove huge.zip' }));
    });
    expect(m.ui.getAllByRole('alert')).toHaveLength(2);
  });

  it('retries an upload cut off by the network with the same upload id', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const m = mountForTest();
      await connect(m);
      await pick(m, [file('photo.png')]);
      await vi.waitFor(() => expect(xhrs).toHaveLength(1));
      const id = xhrs[0]!.query.get('upload');
      await settle(() => xhrs[0]!.drop());
      await act(async () => {
        await vi.advanceTimersByTimeAsync(1000);
      });
      expect(xhrs).toHaveLength(2);
      expect(xhrs[1]!.query.get('upload')).toBe(id);
      await answer(xhrs[1]!, 201, { file: storedFile('f1') });
      expect(sendButton(m).disabled).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it(`takes at most ${MAX_FILES} files for one message and says so`, async () => {
    expect(MAX_FILES).toBe(MAX_ATTACHMENTS);
    const m = mountForTest();
    await connect(m);
    await pick(
      m,
      Array.from({ length: 11 }, (_, i) => file(`f${i}.png`)),
    );
    expect(await m.ui.findByRole('alert')).toHaveProperty(
      'textContent',
      'You can send up to 10 files at once.',
    );
    expect(m.ui.getAllByRole('progressbar')).toHaveLength(10);
    expect(xhrs).toHaveLength(10);
  });

  it('takes files pasted into the message box and dropped on the panel', async () => {
    const m = mountForTest();
    await connect(m);
    const pasted = fireEvent.paste(m.textbox(), { clipboardData: { files: [file('pasted.png')] } });
    expect(pasted).toBe(false); // the browser does not paste the file's name as text
    expect(await m.ui.findByRole('progressbar', { name: 'pasted.png' })).toBeTruthy();
    const panel = m.root.querySelector('section')!;
    expect(fireEvent.dragOver(panel)).toBe(false); // "a drop is welcome here"
    // Dragged text is left to the browser (into the message box).
    expect(fireEvent.drop(panel, { dataTransfer: { files: [], types: ['text/plain'] } })).toBe(true);
    const dropped = fireEvent.drop(panel, {
      dataTransfer: { files: [file('dropped.pdf', 'application/pdf')], types: ['Files'] },
    });
    expect(dropped).toBe(false);
    expect(await m.ui.findByRole('progressbar', { name: 'dropped.pdf' })).toBeTruthy();
    expect(m.ui.getAllByRole('progressbar')).toHaveLength(2);
  });

  it('waits for the visitor token before uploading (a new visitor gets it with the first welcome)', async () => {
    const m = mountForTest();
    await pick(m, [file('early.png')]);
    await m.ui.findByRole('list');
    expect(xhrs).toHaveLength(0);
    await connect(m);
    await waitFor(() => expect(xhrs).toHaveLength(1));
    expect(xhrs[0]!.headers.Authorization).toBe(`Bearer ${TOKEN}`);
  });
});

describe('a message with files is never lost', () => {
  it('is kept across a reload and resent with the same command id and the same files', async () => {
    const a = mountForTest();
    await connect(a, null);
    await pick(a, [file('photo.png')]);
    await a.ui.findByRole('progressbar', { name: 'photo.png' });
    await answer(xhrs[0]!, 201, { file: storedFile('f1', { name: 'photo.png' }) });
    typeAndEnter(a.textbox(), 'did this arrive?');
    const [lost] = a.net.last.sentOfType<Send>('message.send');
    expect(lost).toMatchObject({ attachments: ['f1'] });
    // The page goes away before the ack.

    const b = mountForTest();
    expect(b.bubbles()).toEqual(['did this arrive?']);
    expect(await b.ui.findByRole('button', { name: 'Open photo.png' })).toBeTruthy();
    await server(() => {
      b.net.last.open();
      b.net.last.receive(welcome('c1'));
    });
    expect(b.net.last.sentOfType<Send>('message.send')).toEqual([
      { type: 'message.send', id: lost!.id, body: 'did this arrive?', attachments: ['f1'] },
    ]);
    const stored = { ...visitorMessage(1, lost!.id, 'did this arrive?'), attachments: [storedFile('f1')] };
    await server(() => b.net.last.receive({ type: 'ack', id: lost!.id, message: stored }));
    expect(b.ui.queryByText('Sending…')).toBeNull();
    expect(JSON.parse(localStorage.getItem('livechat:site_1')!)).toMatchObject({ pending: [] });
  });

  it('retries a refused message with its files under the same id', async () => {
    const m = mountForTest();
    await connect(m);
    await pick(m, [file('photo.png')]);
    await m.ui.findByRole('progressbar', { name: 'photo.png' });
    await answer(xhrs[0]!, 201, { file: storedFile('f1') });
    typeAndEnter(m.textbox(), '');
    const [sent] = m.net.last.sentOfType<Send>('message.send');
    await server(() =>
      m.net.last.receive({ type: 'error', id: sent!.id, code: 'rate_limited', message: 'slow down' }),
    );
    await act(() => {
      fireEvent.click(m.ui.getByRole('button', { name: 'Retry' }));
    });
    expect(m.net.last.sentOfType<Send>('message.send')[1]).toEqual({
      type: 'message.send',
      id: sent!.id,
      body: '',
      attachments: ['f1'],
    });
  });
});

describe('files in messages', () => {
  const image = storedFile('img', { name: 'chart.png' });
  const audio = storedFile('snd', {
    name: 'voice-message.webm',
    mime: 'audio/webm',
    kind: 'audio',
    voice: true,
  });
  const doc = storedFile('doc', { name: 'offer.pdf', mime: 'application/pdf', kind: 'file', size: 123_456 });
  const withFiles = (files: Attachment[], body = '') => agentMessage(1, { body, attachments: files });

  it('fetches images and audio from the chat server with the visitor token and shows them', async () => {
    const m = mountForTest();
    await connect(m);
    await server(() =>
      m.net.last.receive({ type: 'message.created', message: withFiles([image, audio, doc], 'Here you go') }),
    );
    const thumb = await m.ui.findByRole('button', { name: 'Open chart.png' });
    expect(thumb.querySelector('img')!.getAttribute('src')).toMatch(/^blob:/);
    expect(fetched).toEqual([
      { url: 'https://chat.example.com/files/img?exp=9&sig=s', auth: `Bearer ${TOKEN}` },
      { url: 'https://chat.example.com/files/snd?exp=9&sig=s', auth: `Bearer ${TOKEN}` },
    ]);
    const player = m.root.querySelector('audio')!;
    expect(player.hasAttribute('controls')).toBe(true);
    expect(player.getAttribute('aria-label')).toBe('Voice message');
    await waitFor(() => expect(player.getAttribute('src')).toMatch(/^blob:/));
    // A document is a card with its name, type and size; it is fetched only when asked for.
    const card = m.ui.getByRole('link', { name: /offer\.pdf/ });
    expect(card.textContent).toBe('offer.pdfPDF · 121 KB');
    expect(card.getAttribute('download')).toBe('offer.pdf');
    expect(m.bubbles()).toEqual(['Here you go']);
  });

  it('opens an image larger in the panel; Escape closes it and not the chat', async () => {
    const m = mountForTest();
    await connect(m);
    await server(() => m.net.last.receive({ type: 'message.created', message: withFiles([image]) }));
    const thumb = await m.ui.findByRole('button', { name: 'Open chart.png' });
    await act(() => {
      fireEvent.click(thumb);
    });
    const viewer = m.ui.getByRole('dialog', { name: 'chart.png' });
    expect(viewer.querySelector('img')!.getAttribute('alt')).toBe('chart.png');
    expect(document.activeElement).toBe(m.ui.getByRole('button', { name: 'Close image' }));
    await act(() => {
      fireEvent.keyDown(viewer, { key: 'Escape' });
    });
    expect(m.ui.queryByRole('dialog', { name: 'chart.png' })).toBeNull();
    expect(m.onClose).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(thumb);
  });

  it('downloads a document on click under its own name', async () => {
    const m = mountForTest();
    await connect(m);
    await server(() => m.net.last.receive({ type: 'message.created', message: withFiles([doc]) }));
    const card = await m.ui.findByRole('link', { name: /offer\.pdf/ });
    expect(fetched).toEqual([]);
    const clicks = vi.fn();
    card.addEventListener('click', clicks);
    await act(() => {
      fireEvent.click(card);
    });
    await waitFor(() => expect(clicks).toHaveBeenCalledTimes(2)); // the visitor's, then ours once fetched
    expect(fetched).toEqual([
      { url: 'https://chat.example.com/files/doc?exp=9&sig=s', auth: `Bearer ${TOKEN}` },
    ]);
    expect(card.getAttribute('href')).toBe(created[0]);
  });

  it('never lets a fetched document run as the page: only pictures and sound keep their type', async () => {
    // An object URL has the host page's origin; opened in a tab, an HTML one would run there.
    servedType = 'text/html';
    const m = mountForTest();
    await connect(m);
    await server(() => m.net.last.receive({ type: 'message.created', message: withFiles([doc]) }));
    await act(() => {
      fireEvent.click(m.ui.getByRole('link', { name: /offer\.pdf/ }));
    });
    await waitFor(() => expect(created).toHaveLength(1));
    expect(types[created[0]!]).toBe('application/octet-stream');

    servedType = 'image/png';
    await server(() =>
      m.net.last.receive({ type: 'message.created', message: agentMessage(2, { attachments: [image] }) }),
    );
    await waitFor(() => expect(created).toHaveLength(2));
    expect(types[created[1]!]).toBe('image/png');
  });

  it('revokes the object URLs when the chat goes away', async () => {
    const m = mountForTest();
    await connect(m);
    await server(() => m.net.last.receive({ type: 'message.created', message: withFiles([image, audio]) }));
    await m.ui.findByRole('button', { name: 'Open chart.png' });
    await waitFor(() => expect(created).toHaveLength(2));
    await act(() => m.handle.destroy());
    expect(revoked.sort()).toEqual([...created].sort());
  });

  it('never sends the token anywhere but the chat server', async () => {
    const m = mountForTest();
    await connect(m);
    const foreign = storedFile('evil', { name: 'evil.png', url: 'https://attacker.example/steal' });
    const sneaky = storedFile('sneaky', { name: 'sneaky.png', url: '//attacker.example/steal' });
    await server(() =>
      m.net.last.receive({ type: 'message.created', message: withFiles([foreign, sneaky]) }),
    );
    expect(await m.ui.findByText('evil.png could not be loaded.')).toBeTruthy();
    expect(await m.ui.findByText('sneaky.png could not be loaded.')).toBeTruthy();
    expect(fetched).toEqual([]);
  });
});
