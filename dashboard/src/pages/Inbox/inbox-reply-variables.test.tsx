// Saved replies with variables: filled in from the conversation when inserted; a value the conversation lacks is
// asked for first (or left empty). The agent's own replies are marked in the picker.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '../../test-utils/render.js';
import { setupApp } from '../../test-utils/app-setup.js';
import { details, savedReply } from '../../test-utils/inbox-fixtures.js';

const REPLIES = [
  savedReply({ id: 'sr-1', shortcut: 'hi', body: 'Hi {{contact.first_name}}, {{agent.first_name}} here.' }),
  savedReply({ id: 'sr-2', shortcut: 'mail', body: 'We wrote to {{contact.email}}.', personal: true }),
];

async function replyBox(contactName: string) {
  location.hash = '#/inbox/c-1';
  const app = setupApp({
    routes: {
      'GET /api/saved-replies': () => ({ body: { replies: REPLIES } }),
      'GET /api/conversations/c-1/details': () => ({ body: { details: details({ contactName }) } }),
    },
  });
  await app.connect();
  const box = await screen.findByRole<HTMLTextAreaElement>('textbox', { name: 'Reply' });
  await waitFor(() => expect(app.http.calls.some((c) => c.url === '/api/saved-replies')).toBe(true));
  const typeText = (value: string) => fireEvent.input(box, { target: { value } });
  return { ...app, box, typeText };
}

describe('Saved reply variables in the reply box', () => {
  it("fills in the contact's and the agent's first names, then sends the filled text", async () => {
    const { box, typeText, sockets } = await replyBox('Vera Novak');
    typeText('Hello! /hi');
    await screen.findByRole('listbox', { name: 'Saved replies' });
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(box.value).toBe('Hello! Hi Vera, Ada here.'));
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(sockets.last.sentOfType('message.send')).toEqual([
      expect.objectContaining({ body: 'Hello! Hi Vera, Ada here.' }),
    ]);
  });

  it('asks for a value the conversation lacks, in a box named after it, and inserts what is typed', async () => {
    const { box, typeText } = await replyBox('');
    typeText('/hi');
    await screen.findByRole('listbox', { name: 'Saved replies' });
    fireEvent.keyDown(box, { key: 'Enter' });
    const dialog = await screen.findByRole('dialog', { name: 'Fill in /hi' });
    const first = within(dialog).getByRole('textbox', { name: 'Contact first name' });
    expect(document.activeElement).toBe(first);
    expect(within(dialog).getAllByRole('textbox')).toHaveLength(1);
    fireEvent.input(first, { target: { value: 'Sam' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Insert' }));
    await waitFor(() => expect(box.value).toBe('Hi Sam, Ada here.'));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('inserts nothing for a value left empty, and Cancel keeps the text as it was', async () => {
    const { box, typeText } = await replyBox('');
    typeText('/hi');
    await screen.findByRole('listbox', { name: 'Saved replies' });
    fireEvent.keyDown(box, { key: 'Enter' });
    let dialog = await screen.findByRole('dialog', { name: 'Fill in /hi' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(box.value).toBe('/hi');

    fireEvent.keyDown(box, { key: 'Enter' });
    dialog = await screen.findByRole('dialog', { name: 'Fill in /hi' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Insert' }));
    await waitFor(() => expect(box.value).toBe('Hi , Ada here.'));
  });

  it("marks the agent's own replies in the picker", async () => {
    const { typeText } = await replyBox('Vera');
    typeText('/');
    const list = await screen.findByRole('listbox', { name: 'Saved replies' });
    expect(
      within(list)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      '/hi Hi {{contact.first_name}}, {{agent.first_name}} here.',
      '/mail Mine We wrote to {{contact.email}}.',
    ]);
  });
});
