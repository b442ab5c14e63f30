import type { SavedReply } from '@livechat/shared/model';
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '../../test-utils/render.js';
import { apiError, mockFetch, type Handler } from '../../test-utils/fetch-mock.js';
import { agent, T0 } from '../../test-utils/fixtures.js';
import { SavedRepliesPage } from './saved-replies-page.js';

const reply = (shortcut: string, body: string, id = `sr-${shortcut}`, personal = false): SavedReply => ({
  id,
  shortcut,
  body,
  personal,
  updatedAt: T0,
});
const thanks = reply('thanks', 'Thanks for reaching out!');
const refund = reply('refund', 'We refund within 30 days.');

function setup(routes: Record<string, Handler> = {}, role: 'admin' | 'agent' = 'admin') {
  const http = mockFetch({
    'GET /api/saved-replies': () => ({ body: { replies: [refund, thanks] } }),
    'POST /api/saved-replies': (call) => {
      const input = call.body as { shortcut: string; body: string; personal?: boolean };
      return {
        status: 201,
        body: { reply: reply(input.shortcut, input.body, 'sr-new', input.personal ?? false) },
      };
    },
    ...routes,
  });
  render(<SavedRepliesPage agent={agent({ role })} />);
  return http;
}

const shortcuts = (table = 'Team replies') =>
  within(screen.getByRole('table', { name: table }))
    .queryAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]!.textContent);

const fill = (shortcut: string, body: string) => {
  fireEvent.input(screen.getByRole('textbox', { name: 'Shortcut' }), { target: { value: shortcut } });
  fireEvent.input(screen.getByRole('textbox', { name: 'Reply text' }), { target: { value: body } });
};

/** The inline message of a field, read through aria-describedby as a screen reader would. */
const fieldError = (name: string) => {
  const box = screen.getByRole('textbox', { name });
  expect(box.getAttribute('aria-invalid')).toBe('true');
  return document.getElementById(box.getAttribute('aria-describedby')!.split(' ').at(-1)!)?.textContent;
};

describe('SavedRepliesPage', () => {
  it("shows agents the team's replies to read and adds their own, which only they see", async () => {
    const http = setup({}, 'agent');
    expect(await screen.findByText('Thanks for reaching out!')).toBeTruthy();
    const team = screen.getByRole('table', { name: 'Team replies' });
    expect(within(team).queryByRole('button')).toBeNull();
    expect(screen.getByText('No replies of your own yet. Only you see the ones you add.')).toBeTruthy();
    expect(screen.queryByRole('radiogroup', { name: 'Visible to' })).toBeNull();

    fill('hi', 'Hi {{contact.first_name}}!');
    fireEvent.click(screen.getByRole('button', { name: 'Add saved reply' }));
    await waitFor(() => expect(shortcuts('My replies')).toEqual(['hi']));
    expect(http.calls.at(-1)).toMatchObject({
      method: 'POST',
      body: { shortcut: 'hi', body: 'Hi {{contact.first_name}}!', personal: true },
    });
    const mine = screen.getByRole('table', { name: 'My replies' });
    expect(within(mine).getByRole('button', { name: 'Delete hi' })).toBeTruthy();
  });

  it('lets admins choose who sees a new reply: "Only me" or "Everyone"', async () => {
    const http = setup();
    await screen.findByText('Thanks for reaching out!');
    const visible = screen.getByRole('radiogroup', { name: 'Visible to' });
    expect(within(visible).getByRole<HTMLInputElement>('radio', { name: 'Everyone' }).checked).toBe(true);
    fireEvent.click(within(visible).getByRole('radio', { name: 'Only me' }));
    fill('note', 'My own words.');
    fireEvent.click(screen.getByRole('button', { name: 'Add saved reply' }));
    await waitFor(() => expect(shortcuts('My replies')).toEqual(['note']));
    expect(http.calls.at(-1)).toMatchObject({ method: 'POST', body: { personal: true } });
    expect(shortcuts()).toEqual(['refund', 'thanks']);
  });

  it('flags an unknown variable on the reply text, naming the known ones, before asking the server', async () => {
    const http = setup();
    await screen.findByText('Thanks for reaching out!');
    fill('hi', 'Hi {{first_name}}');
    fireEvent.click(screen.getByRole('button', { name: 'Add saved reply' }));
    await waitFor(() =>
      expect(fieldError('Reply text')).toBe(
        'Unknown variable {{first_name}}. Use {{contact.name}}, {{contact.first_name}}, {{contact.email}}, ' +
          '{{contact.phone}}, {{agent.name}} and {{agent.first_name}}.',
      ),
    );
    expect(http.calls.filter((c) => c.method === 'POST')).toEqual([]);
  });

  it('lists replies with shortcut and text, and adds one', async () => {
    const http = setup();
    expect(await screen.findByText('Thanks for reaching out!')).toBeTruthy();
    expect(shortcuts()).toEqual(['refund', 'thanks']);

    fill(' Hello ', 'Hi! How can I help?');
    fireEvent.click(screen.getByRole('button', { name: 'Add saved reply' }));
    await waitFor(() => expect(shortcuts()).toEqual(['hello', 'refund', 'thanks']));
    expect(http.calls.at(-1)).toMatchObject({
      method: 'POST',
      url: '/api/saved-replies',
      body: { shortcut: 'hello', body: 'Hi! How can I help?' },
    });
    expect(screen.getByRole('status').textContent).toBe('Added /hello.');
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Shortcut' }).value).toBe('');
    expect(screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Reply text' }).value).toBe('');
  });

  it('takes a shortcut typed with its "/" ("/price") as "price"', async () => {
    const http = setup();
    await screen.findByText('Thanks for reaching out!');
    fill('/price', 'From 9 EUR a month.');
    fireEvent.click(screen.getByRole('button', { name: 'Add saved reply' }));
    await waitFor(() => expect(shortcuts()).toEqual(['price', 'refund', 'thanks']));
    expect(http.calls.at(-1)).toMatchObject({ method: 'POST', body: { shortcut: 'price' } });
    expect(screen.getByRole('status').textContent).toBe('Added /price.');
  });

  it("shows the server's field message next to its field, never its path", async () => {
    setup({
      'POST /api/saved-replies': () => ({
        status: 400,
        body: {
          error: {
            code: 'invalid_request',
            message: 'The request is invalid.',
            details: [{ path: 'body.body', message: 'Use at most 4000 characters.' }],
          },
        },
      }),
    });
    await screen.findByText('Thanks for reaching out!');
    fill('hello', 'Hi');
    fireEvent.click(screen.getByRole('button', { name: 'Add saved reply' }));
    await waitFor(() => expect(fieldError('Reply text')).toBe('Use at most 4000 characters.'));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.body.textContent).not.toMatch(/request is invalid|body\.body/);
  });

  it('checks the fields inline before asking the server', async () => {
    const http = setup();
    await screen.findByText('Thanks for reaching out!');
    fill('two words', '   ');
    fireEvent.click(screen.getByRole('button', { name: 'Add saved reply' }));
    await waitFor(() =>
      expect(fieldError('Shortcut')).toBe(
        'Use lowercase letters, digits and "-", starting with a letter or digit.',
      ),
    );
    expect(fieldError('Reply text')).toBe('Enter the reply text.');
    expect(http.calls.filter((c) => c.method === 'POST')).toEqual([]);

    // Typing again clears that field's message.
    fireEvent.input(screen.getByRole('textbox', { name: 'Shortcut' }), { target: { value: 'ok' } });
    expect(screen.getByRole('textbox', { name: 'Shortcut' }).getAttribute('aria-invalid')).toBeNull();
  });

  it('shows a taken shortcut (409) on the Shortcut field', async () => {
    setup({
      'POST /api/saved-replies': () => apiError(409, 'conflict', 'Another saved reply uses this shortcut.'),
    });
    await screen.findByText('Thanks for reaching out!');
    fill('thanks', 'Dup');
    fireEvent.click(screen.getByRole('button', { name: 'Add saved reply' }));
    await waitFor(() => expect(fieldError('Shortcut')).toBe('Another saved reply uses this shortcut.'));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Shortcut' }).value).toBe('thanks');
  });

  it('shows other refusals above the form', async () => {
    setup({ 'POST /api/saved-replies': () => apiError(403, 'forbidden', 'Only admins can do that.') });
    await screen.findByText('Thanks for reaching out!');
    fill('hello', 'Hi');
    fireEvent.click(screen.getByRole('button', { name: 'Add saved reply' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Only admins can do that.');
  });

  it('edits a reply in the form', async () => {
    const http = setup({
      'PATCH /api/saved-replies/sr-thanks': (call) => ({
        body: { reply: { ...thanks, ...(call.body as object) } },
      }),
    });
    const row = (await screen.findByText('Thanks for reaching out!')).closest('tr')!;
    fireEvent.click(within(row).getByRole('button', { name: 'Edit' }));
    const form = screen.getByRole('form', { name: 'Edit /thanks' });
    const text = within(form).getByRole<HTMLTextAreaElement>('textbox', { name: 'Reply text' });
    expect(text.value).toBe('Thanks for reaching out!');
    expect(document.activeElement).toBe(within(form).getByRole('textbox', { name: 'Shortcut' }));
    fireEvent.input(text, { target: { value: 'Thank you!' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Thank you!')).toBeTruthy();
    expect(http.calls.at(-1)).toMatchObject({
      method: 'PATCH',
      url: '/api/saved-replies/sr-thanks',
      body: { shortcut: 'thanks', body: 'Thank you!' },
    });
    expect(screen.getByRole('status').textContent).toBe('Saved /thanks.');
    expect(screen.getByRole('button', { name: 'Add saved reply' })).toBeTruthy();
  });

  it('cancels an edit', async () => {
    setup();
    const row = (await screen.findByText('Thanks for reaching out!')).closest('tr')!;
    fireEvent.click(within(row).getByRole('button', { name: 'Edit' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Shortcut' }).value).toBe('');
    expect(screen.getByRole('button', { name: 'Add saved reply' })).toBeTruthy();
  });

  it('deletes a reply, and shows a refused deletion', async () => {
    const http = setup({
      'DELETE /api/saved-replies/sr-refund': () => ({ status: 204 }),
      'DELETE /api/saved-replies/sr-thanks': () =>
        apiError(500, 'internal', 'Something went wrong on our side.'),
    });
    await screen.findByText('Thanks for reaching out!');
    fireEvent.click(screen.getByRole('button', { name: 'Delete refund' }));
    await waitFor(() => expect(shortcuts()).toEqual(['thanks']));
    expect(http.calls.at(-1)).toMatchObject({ method: 'DELETE', url: '/api/saved-replies/sr-refund' });

    fireEvent.click(screen.getByRole('button', { name: 'Delete thanks' }));
    expect((await screen.findByRole('alert')).textContent).toBe('thanks: Something went wrong on our side.');
    expect(shortcuts()).toEqual(['thanks']);
  });

  it('says when there are none yet', async () => {
    setup({ 'GET /api/saved-replies': () => ({ body: { replies: [] } }) });
    expect(await screen.findByText(/No saved replies yet/)).toBeTruthy();
  });
});
