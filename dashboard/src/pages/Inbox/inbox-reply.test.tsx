// Saved replies in the reply box: "/" opens them, arrows pick, Enter inserts (and does not send), Escape closes.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '../../test-utils/render.js';
import { setupApp } from '../../test-utils/app-setup.js';
import { savedReply } from '../../test-utils/inbox-fixtures.js';

const REPLIES = [
  savedReply({ id: 'sr-1', shortcut: 'hello', body: 'Hello! How can I help?' }),
  savedReply({ id: 'sr-2', shortcut: 'hours', body: 'We are open 9 to 5.' }),
  savedReply({ id: 'sr-3', shortcut: 'pricing', body: 'Plans start at 10 EUR.' }),
];

async function replyBox() {
  location.hash = '#/inbox/c-1';
  const app = setupApp({ routes: { 'GET /api/saved-replies': () => ({ body: { replies: REPLIES } }) } });
  await app.connect();
  const box = await screen.findByRole<HTMLTextAreaElement>('textbox', { name: 'Reply' });
  // The replies load with the page.
  await waitFor(() => expect(app.http.calls.some((c) => c.url === '/api/saved-replies')).toBe(true));
  const typeText = (value: string) => fireEvent.input(box, { target: { value } });
  return { ...app, box, typeText };
}

const options = () =>
  within(screen.getByRole('listbox', { name: 'Saved replies' }))
    .getAllByRole('option')
    .map((o) => o.textContent);

describe('Saved replies in the reply box', () => {
  it('opens on "/", filters by what follows, moves with the arrows and inserts on Enter without sending', async () => {
    const { box, typeText, sockets } = await replyBox();
    expect(screen.queryByRole('listbox')).toBeNull();
    typeText('/');
    await waitFor(() => expect(options()).toHaveLength(3));
    typeText('/h');
    await waitFor(() =>
      expect(options()).toEqual(['/hello Hello! How can I help?', '/hours We are open 9 to 5.']),
    );

    const active = () =>
      document.getElementById(box.getAttribute('aria-activedescendant') ?? '')?.textContent;
    expect(box.getAttribute('aria-controls')).toBe(screen.getByRole('listbox').id);
    expect(active()).toBe('/hello Hello! How can I help?');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(active()).toBe('/hours We are open 9 to 5.');
    expect(within(screen.getByRole('listbox')).getByRole('option', { selected: true }).textContent).toBe(
      '/hours We are open 9 to 5.',
    );
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(active()).toBe('/hello Hello! How can I help?');
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    expect(active()).toBe('/hours We are open 9 to 5.');

    fireEvent.keyDown(box, { key: 'Enter' });
    expect(box.value).toBe('We are open 9 to 5.');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(box.getAttribute('aria-activedescendant')).toBeNull();
    expect(sockets.last.sentOfType('message.send')).toEqual([]);

    // Then the agent edits and sends as usual.
    typeText('We are open 9 to 5. See you!');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(sockets.last.sentOfType('message.send')).toEqual([
      expect.objectContaining({ body: 'We are open 9 to 5. See you!' }),
    ]);
  });

  it('opens after a space mid-text, keeps the text around the query, and closes on Escape', async () => {
    const { box, typeText, sockets } = await replyBox();
    typeText('Thanks! /pri');
    await waitFor(() => expect(options()).toEqual(['/pricing Plans start at 10 EUR.']));
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(screen.queryByRole('listbox')).toBeNull();
    // Enter now sends what is typed.
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(sockets.last.sentOfType('message.send')).toEqual([
      expect.objectContaining({ body: 'Thanks! /pri' }),
    ]);

    typeText('a/b');
    expect(screen.queryByRole('listbox')).toBeNull();
    typeText('Sure /pr');
    fireEvent.mouseDown(await screen.findByRole('option', { name: /pricing/ }));
    expect(box.value).toBe('Sure Plans start at 10 EUR.');
  });
});
