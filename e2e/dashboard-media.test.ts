// Rich media in the agent's composer, in a real browser against the real server: the agent pastes an image and drags
// a PDF into the composer (a drop zone shows), picks an emoji from the lazily loaded panel, sends them with a caption,
// sees the thumbnail (served by the server, with the session cookie) and opens it larger, and the Gallery lists both.
import { expect, it } from 'vitest';
import { signIn } from './dashboard-session.js';
import { useStackAndBrowser } from './browser.js';
import { ADMIN } from './stack.js';
import { seriousViolations } from './axe.js';

const env = useStackAndBrowser();

/** A 2×2 PNG and a one-page PDF: the server decides the type by the bytes, so they must be real. */
const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==';
const PDF_TEXT =
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
  '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 72 72]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';

it('pastes and drops files, picks an emoji, sends, shows the thumbnail, and the Gallery lists them', async () => {
  const visitor = await (await env.browser().newContext()).newPage();
  await visitor.goto(env.stack().demoUrl);
  await visitor.getByRole('button', { name: 'Open chat' }).click();
  await visitor.getByRole('textbox', { name: 'Message' }).fill('Hi! Can you send me the invoice?');
  await visitor.getByRole('button', { name: 'Send' }).click();

  const agent = await (await env.browser().newContext()).newPage();
  const requested: string[] = [];
  agent.on('request', (r) => requested.push(r.url()));
  await signIn(agent, env.stack().serverUrl, ADMIN.email, ADMIN.password);
  // The admin lowers the site's cap per file on the Settings page, to about 1 KB.
  await agent.getByRole('link', { name: 'Settings' }).click();
  const fileRules = agent.getByRole('region', { name: 'Files' });
  await fileRules.getByRole('checkbox', { name: 'Images' }).waitFor();
  expect(await fileRules.getByRole('checkbox', { name: 'PDF' }).isChecked()).toBe(true);
  await fileRules.getByRole('textbox', { name: 'Max file size (MB)' }).fill('0.001');
  await fileRules.getByRole('button', { name: 'Save' }).click();
  await expect.poll(() => fileRules.getByRole('status').innerText()).toBe('Saved');
  expect(await seriousViolations(agent)).toEqual([]);

  await agent.getByRole('link', { name: 'Inbox' }).click();
  await agent.getByRole('link', { name: /send me the invoice/ }).click();
  const reply = agent.getByRole('textbox', { name: 'Reply' });
  await reply.waitFor();

  // Paste a screenshot into the text box, as the clipboard hands it over.
  await reply.evaluate((box, base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'screenshot.png', { type: 'image/png' }));
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, PNG_BASE64);

  // Drag a PDF over the composer: the drop zone shows; drop it.
  const data = await agent.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'invoice.pdf', { type: 'application/pdf' }));
    return transfer;
  }, PDF_TEXT);
  const form = agent.locator('form.reply');
  await form.dispatchEvent('dragenter', { dataTransfer: data });
  await form.dispatchEvent('dragover', { dataTransfer: data });
  await agent.getByText('Drop files to attach').waitFor();
  await form.dispatchEvent('drop', { dataTransfer: data });
  await agent.getByText('Drop files to attach').waitFor({ state: 'detached' });

  // And one more with the paperclip, larger than the site now takes: refused, in the server's words.
  const [chooser] = await Promise.all([
    agent.waitForEvent('filechooser'),
    agent.getByRole('button', { name: 'Attach file' }).click(),
  ]);
  expect(chooser.isMultiple()).toBe(true);
  await chooser.setFiles({
    name: 'scan.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from(PDF_TEXT + `%${'x'.repeat(3000)}\n`),
  });

  const chips = agent.getByRole('list', { name: 'Attached files' });
  await expect.poll(() => chips.getByRole('listitem').count()).toBe(3);
  // All answered: no progress bars left, and Send is enabled.
  await expect.poll(() => chips.getByRole('progressbar').count(), { timeout: 10_000 }).toBe(0);
  const refusal = chips.getByRole('alert');
  await expect.poll(() => refusal.count()).toBe(1);
  expect(await refusal.innerText()).toMatch(/\S/);
  expect(await refusal.innerText()).not.toMatch(/HTTP/);
  const send = agent.getByRole('button', { name: 'Send', exact: true });
  await expect.poll(() => send.isEnabled()).toBe(true);

  // The emoji panel loads on first use only.
  const emojiChunk = () => requested.filter((u) => /\/assets\/emoji-picker-[^/]*\.js$/.test(u));
  expect(emojiChunk()).toEqual([]);
  await reply.fill('Here is your invoice ');
  await agent.getByRole('button', { name: 'Emoji' }).click();
  const panel = agent.getByRole('dialog', { name: 'Emoji' });
  await panel.getByRole('searchbox', { name: 'Search emoji' }).fill('thumbs up');
  await panel.getByRole('button', { name: 'thumbs up' }).click();
  expect(emojiChunk()).toHaveLength(1);
  await expect.poll(() => reply.inputValue()).toBe('Here is your invoice 👍');
  expect(await seriousViolations(agent)).toEqual([]);
  await send.click();

  // In the timeline: the thumbnail (loaded from the server with the cookie), the PDF card, the caption.
  const thread = agent.getByRole('log', { name: 'Messages' });
  const thumb = thread.getByRole('img', { name: 'screenshot.png' });
  await thumb.waitFor({ timeout: 10_000 });
  await expect
    .poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), {
      timeout: 10_000,
    })
    .toBe(2);
  await expect.poll(() => thread.innerText()).toContain('Here is your invoice 👍');
  const card = thread.getByRole('link', { name: /invoice\.pdf/ });
  await expect.poll(() => card.innerText()).toMatch(/PDF · \d+ B/);
  // The refused file was not sent.
  expect(await thread.getByText('scan.pdf').count()).toBe(0);
  // Delivered to the visitor too.
  await expect
    .poll(() => visitor.getByRole('log').innerText(), { timeout: 10_000 })
    .toContain('Here is your invoice');

  // Opened larger; Escape closes it.
  await thread.getByRole('button', { name: 'Open screenshot.png' }).click();
  const lightbox = agent.getByRole('dialog', { name: 'screenshot.png' });
  await lightbox.waitFor();
  await agent.keyboard.press('Escape');
  await lightbox.waitFor({ state: 'detached' });

  // The Gallery lists them both, with who sent them.
  await agent.getByRole('tab', { name: 'Gallery' }).click();
  const gallery = agent.getByRole('tabpanel', { name: 'Gallery' });
  await gallery.getByRole('img', { name: 'screenshot.png' }).waitFor();
  await gallery.getByRole('link', { name: /invoice\.pdf/ }).waitFor();
  expect(await gallery.innerText()).toContain('Admin');
  expect(await seriousViolations(agent)).toEqual([]);
  await visitor.context().close();
  await agent.context().close();
});
