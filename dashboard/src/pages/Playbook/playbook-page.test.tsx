import type { Playbook } from '@livechat/shared/model';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '../../test-utils/render.js';
import { mockFetch, type Call } from '../../test-utils/fetch-mock.js';
import { agent, site, storedPlaybook } from '../../test-utils/fixtures.js';
import { TEAMS } from '../../test-utils/inbox-fixtures.js';
import { PlaybookPage } from './playbook-page.js';
import { UNSAVED_PLAYBOOK_QUESTION } from './playbook-editor.js';
import { confirmLeave } from '../../state/leave-guard.js';

type Reply = { status?: number; body?: unknown };

function setup(
  put: (call: Call) => Reply = (call) => ({
    body: { playbook: { ...storedPlaybook(), ...(call.body as Playbook), version: 4 } },
  }),
) {
  const http = mockFetch({
    'GET /api/sites': () => ({ body: { sites: [site()] } }),
    'GET /api/sites/site-1/playbook': () => ({ body: { playbook: storedPlaybook() } }),
    'PUT /api/sites/site-1/playbook': put,
    'GET /api/teams': () => ({ body: { teams: TEAMS } }),
  });
  render(<PlaybookPage agent={agent()} />);
  const puts = () => http.calls.filter((c) => c.method === 'PUT');
  return { http, puts };
}

const step = (n: number) => screen.getByRole('group', { name: new RegExp(`^Step ${n}:`) });
const type = (el: HTMLElement, value: string) => fireEvent.input(el, { target: { value } });
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save playbook' }));
const legends = () =>
  screen.getAllByRole('group', { name: /^Step \d+:/ }).map((g) => g.querySelector('legend')!.textContent);

/** The message an input is described by, as a screen reader hears it after the name. */
function errorOf(el: HTMLElement): string | null {
  if (el.getAttribute('aria-invalid') !== 'true') return null;
  return (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id))
    .filter((e) => e?.className === 'field__error')
    .map((e) => e!.textContent)
    .join(' ');
}

describe('PlaybookPage', () => {
  it('shows the saved playbook in the editor and the preview', async () => {
    setup();
    const name = await screen.findByRole<HTMLInputElement>('textbox', { name: 'Bot name' });
    expect(name.value).toBe('Robo');
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Default language' }).value).toBe('en');
    expect(legends()).toEqual(['Step 1: Message', 'Step 2: Question', 'Step 3: Live Chat card']);
    expect(within(step(1)).getByRole<HTMLTextAreaElement>('textbox', { name: 'Message text' }).value).toBe(
      'Hi there!',
    );
    expect(within(step(2)).getByRole<HTMLTextAreaElement>('textbox', { name: 'Options' }).value).toBe(
      'Sales\nSupport',
    );
    expect(within(step(2)).getByRole<HTMLInputElement>('textbox', { name: 'Custom field name' }).value).toBe(
      'topic',
    );
    expect(
      within(step(3)).getByRole<HTMLInputElement>('spinbutton', { name: 'Wait time (seconds)' }).value,
    ).toBe('60');
    expect(within(step(3)).getByRole('checkbox', { name: 'Ask for email' })).toHaveProperty('checked', true);
    expect(screen.getByRole('button', { name: 'Add Live Chat card' })).toHaveProperty('disabled', true);

    const preview = screen.getByRole('region', { name: 'Preview' });
    expect(within(preview).getByText('Hi there!')).toBeTruthy();
    expect(within(preview).getByRole('button', { name: 'Sales' })).toHaveProperty('disabled', true);
    expect(within(preview).getByText('Waiting for an agent…')).toBeTruthy();
    const branch = within(preview).getByRole('region', { name: 'If nobody is available' });
    for (const text of ['Nobody is here right now.', 'Your email?', 'Thanks!'])
      expect(within(branch).getByText(text)).toBeTruthy();
  });

  it('adds, reorders and removes steps, keeping the card last, and saves them in that order', async () => {
    const { puts } = setup();
    await screen.findByRole('textbox', { name: 'Bot name' });
    fireEvent.click(screen.getByRole('button', { name: 'Add message' }));
    expect(legends()).toEqual([
      'Step 1: Message',
      'Step 2: Question',
      'Step 3: Message',
      'Step 4: Live Chat card',
    ]);
    type(within(step(3)).getByRole('textbox', { name: 'Message text' }), 'Added later');
    expect(screen.getByRole('button', { name: 'Move step 3 down' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Move step 4 up' })).toHaveProperty('disabled', true);

    fireEvent.click(screen.getByRole('button', { name: 'Move step 3 up' }));
    expect(legends()).toEqual([
      'Step 1: Message',
      'Step 2: Message',
      'Step 3: Question',
      'Step 4: Live Chat card',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Remove step 1' }));
    expect(legends()).toEqual(['Step 1: Message', 'Step 2: Question', 'Step 3: Live Chat card']);
    expect(within(step(1)).getByRole<HTMLTextAreaElement>('textbox', { name: 'Message text' }).value).toBe(
      'Added later',
    );

    save();
    await waitFor(() => expect(puts()).toHaveLength(1));
    const body = puts()[0]!.body as Playbook;
    expect(body.steps.map((s) => s.kind)).toEqual(['message', 'question', 'live_chat']);
    expect(body.steps[0]!.id).toMatch(/^[a-z0-9]{8}$/);
  });

  it('saves the markdown as a rich-text tree and says which version it made', async () => {
    const { puts } = setup();
    await screen.findByRole('textbox', { name: 'Bot name' });
    type(
      within(step(1)).getByRole('textbox', { name: 'Message text' }),
      '**Hello** and *welcome*, see [docs](https://example.com/docs)\n\n- one\n- two',
    );
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('Unsaved changes');
    save();
    await waitFor(() => expect(status.textContent).toBe('Saved — version 4'));
    expect((puts()[0]!.body as Playbook).steps[0]).toEqual({
      kind: 'message',
      id: 'hello',
      text: [
        {
          type: 'paragraph',
          children: [
            { type: 'bold', children: [{ type: 'text', text: 'Hello' }] },
            { type: 'text', text: ' and ' },
            { type: 'italic', children: [{ type: 'text', text: 'welcome' }] },
            { type: 'text', text: ', see ' },
            { type: 'link', href: 'https://example.com/docs', children: [{ type: 'text', text: 'docs' }] },
          ],
        },
        { type: 'list', items: [[{ type: 'text', text: 'one' }], [{ type: 'text', text: 'two' }]] },
      ],
    });
    expect(Object.keys(puts()[0]!.body as object).sort()).toEqual([
      'botAvatarUrl',
      'botName',
      'locale',
      'steps',
    ]);
  });

  it('shows an unsafe link as an error on its field and does not save', async () => {
    const { puts } = setup();
    await screen.findByRole('textbox', { name: 'Bot name' });
    const text = within(step(1)).getByRole('textbox', { name: 'Message text' });
    type(text, 'Click [here](javascript:alert(1))');
    expect(errorOf(text)).toBe('Links must be http://, https:// or mailto: addresses.');
    const preview = screen.getByRole('region', { name: 'Preview' });
    expect(within(preview).getByText('Click here')).toBeTruthy();
    expect(preview.querySelector('a')).toBeNull();

    save();
    expect((await screen.findByRole('alert')).textContent).toMatch(/Fix the marked fields/);
    expect(puts()).toEqual([]);
    expect(document.activeElement).toBe(text);
  });

  it('words the wait time and the bot name as sentences next to their fields', async () => {
    const { puts } = setup();
    const name = await screen.findByRole('textbox', { name: 'Bot name' });
    const wait = within(step(3)).getByRole('spinbutton', { name: 'Wait time (seconds)' });
    type(name, ' ');
    type(wait, '0');
    expect(errorOf(wait)).toBe('Enter 1 or more.');
    expect(errorOf(name)).toBe('Enter the bot’s name.');
    type(wait, '');
    expect(errorOf(wait)).toBe('Enter a whole number.');
    save();
    await screen.findByRole('alert');
    expect(document.body.textContent).not.toMatch(/at least 1\b|expected|Too small|must not be empty/);
    expect(puts()).toEqual([]);
  });

  it('shows the server refusals on the fields they name', async () => {
    setup(() => ({
      status: 400,
      body: {
        error: {
          code: 'invalid_request',
          message: 'The request is invalid.',
          details: [
            {
              path: 'body.steps.0.text.0.children.1.href',
              message: 'Links must be http://, https:// or mailto: addresses.',
            },
            { path: 'body.steps.2.offlineFlow.capture.0.text', message: 'Fill in this text.' },
          ],
        },
      },
    }));
    await screen.findByRole('textbox', { name: 'Bot name' });
    save();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Fix the marked fields, then save again.');
    expect(errorOf(within(step(1)).getByRole('textbox', { name: 'Message text' }))).toBe(
      'Links must be http://, https:// or mailto: addresses.',
    );
    expect(errorOf(within(step(3)).getByRole('textbox', { name: 'Email prompt' }))).toBe(
      'Fill in this text.',
    );
    expect(errorOf(screen.getByRole('textbox', { name: 'Bot name' }))).toBeNull();

    // Editing clears what the server said about the old text.
    type(screen.getByRole('textbox', { name: 'Bot name' }), 'Robo 2');
    expect(errorOf(within(step(1)).getByRole('textbox', { name: 'Message text' }))).toBeNull();
  });

  it('updates the preview as the admin types', async () => {
    setup();
    await screen.findByRole('textbox', { name: 'Bot name' });
    const preview = screen.getByRole('region', { name: 'Preview' });
    type(within(step(1)).getByRole('textbox', { name: 'Message text' }), 'Fresh **words**');
    expect(within(preview).getByText('words').tagName).toBe('STRONG');
    type(screen.getByRole('textbox', { name: 'Bot name' }), 'Helper');
    expect(within(preview).getByText('Helper')).toBeTruthy();

    type(within(step(2)).getByRole('textbox', { name: 'Options' }), 'Sales\nSupport\nBilling');
    expect(within(preview).getByRole('button', { name: 'Billing' })).toBeTruthy();
    fireEvent.change(within(step(2)).getByRole('combobox', { name: 'Answer type' }), {
      target: { value: 'email' },
    });
    expect(within(step(2)).queryByRole('textbox', { name: 'Options' })).toBeNull();
    expect(within(preview).queryByRole('button', { name: 'Billing' })).toBeNull();
    // The card's "Your email?" prompt already had one.
    expect(within(preview).getAllByText('The visitor types an email address')).toHaveLength(2);

    fireEvent.click(within(preview).getByRole('radio', { name: 'No agents available' }));
    expect(within(preview).queryByText('Waiting for an agent…')).toBeNull();
    expect(within(preview).getByRole('region', { name: 'If nobody is available' })).toBeTruthy();
  });

  it("speaks of the custom field's name beside it, not of the schema's field references", async () => {
    const { puts } = setup();
    await screen.findByRole('textbox', { name: 'Bot name' });
    fireEvent.click(screen.getByRole('button', { name: 'Add question' }));
    const added = screen.getAllByRole('group', { name: /^Step \d+: Question/ }).at(-1)!;
    type(within(added).getByRole('textbox', { name: 'Question' }), 'What is your budget?');
    const name = within(added).getByRole('textbox', { name: 'Custom field name' });
    save();
    await waitFor(() => expect(errorOf(name)).toBe('Enter a name for the custom field.'));
    type(name, '9 lives');
    save();
    await waitFor(() =>
      expect(errorOf(name)).toBe('Use lowercase letters, digits and _, starting with a letter.'),
    );
    expect(puts()).toHaveLength(0);
  });

  it('asks before another page drops unsaved edits, and not once they are saved', async () => {
    setup();
    const name = await screen.findByRole('textbox', { name: 'Bot name' });
    const ask = vi.fn(() => false);
    expect(confirmLeave('#/team', ask)).toBe(true);
    type(name, 'Robo 2');
    expect(confirmLeave('#/team', ask)).toBe(false);
    expect(ask).toHaveBeenCalledWith(UNSAVED_PLAYBOOK_QUESTION);
    // Signing out leaves too; staying on the page does not ask.
    expect(confirmLeave('#/', ask)).toBe(false);
    ask.mockClear();
    expect(confirmLeave('#/playbook', ask)).toBe(true);
    expect(ask).not.toHaveBeenCalled();
    save();
    await waitFor(() => expect(confirmLeave('#/team', ask)).toBe(true));
  });

  it('edits the Live Chat card: offline questions and the details to ask for', async () => {
    const { puts } = setup();
    await screen.findByRole('textbox', { name: 'Bot name' });
    const card = step(3);
    fireEvent.click(within(card).getByRole('button', { name: 'Add offline question' }));
    const question = within(card).getByRole('group', { name: 'Offline question 1' });
    type(within(question).getByRole('textbox', { name: 'Question' }), 'What is your budget?');
    type(within(question).getByRole('textbox', { name: 'Custom field name' }), 'Budget Range');
    fireEvent.click(within(card).getByRole('checkbox', { name: 'Ask for phone' }));
    type(within(card).getByRole('textbox', { name: 'Phone prompt' }), 'Your phone?');
    fireEvent.click(within(card).getByRole('checkbox', { name: 'Ask for email' }));
    fireEvent.change(within(step(2)).getByRole('combobox', { name: 'Save answer to' }), {
      target: { value: 'contact.organization' },
    });

    save();
    await waitFor(() => expect(puts()).toHaveLength(1));
    const body = puts()[0]!.body as Playbook;
    expect(body.steps[1]).toMatchObject({ field: 'contact.organization' });
    const flow = (body.steps[2] as Extract<Playbook['steps'][number], { kind: 'live_chat' }>).offlineFlow;
    expect(flow.questions).toEqual([
      expect.objectContaining({
        input: 'text',
        field: 'custom.budget_range',
        text: [expect.objectContaining({ type: 'paragraph' })],
      }),
    ]);
    expect(flow.capture.map((c) => c.field)).toEqual(['phone']);
  });

  it("routes the Live Chat card to a team's queue, and back to everyone's", async () => {
    const { puts } = setup();
    await screen.findByRole('textbox', { name: 'Bot name' });
    const route = within(step(3)).getByRole<HTMLSelectElement>('combobox', { name: 'Route to team' });
    await waitFor(() =>
      expect([...route.options].map((o) => o.text)).toEqual(['Everyone (Unassigned)', 'Sales', 'Support']),
    );
    fireEvent.change(route, { target: { value: 't-sales' } });
    save();
    await waitFor(() => expect(puts()).toHaveLength(1));
    expect((puts()[0]!.body as Playbook).steps[2]).toMatchObject({ kind: 'live_chat', teamId: 't-sales' });
    await screen.findByText(/version 4/);
    fireEvent.change(within(step(3)).getByRole('combobox', { name: 'Route to team' }), {
      target: { value: '' },
    });
    save();
    await waitFor(() => expect(puts()).toHaveLength(2));
    expect((puts()[1]!.body as Playbook).steps[2]).not.toHaveProperty('teamId');
  });

  it('wraps the selection with the toolbar buttons', async () => {
    setup();
    await screen.findByRole('textbox', { name: 'Bot name' });
    const text = within(step(1)).getByRole<HTMLTextAreaElement>('textbox', { name: 'Message text' });
    text.setSelectionRange(3, 8); // "there"
    fireEvent.click(within(step(1)).getByRole('button', { name: 'Bold' }));
    expect(text.value).toBe('Hi **there**!');
    fireEvent.click(within(step(1)).getByRole('button', { name: 'Link' }));
    expect(text.value.slice(text.selectionStart, text.selectionEnd)).toBe('https://');
  });
});

describe('PlaybookPage: the Bot folder for agents', () => {
  it('saves "Agents see the Bot folder" as soon as it is switched, and shows the saved value', async () => {
    const http = mockFetch({
      'GET /api/sites': () => ({ body: { sites: [site()] } }),
      'GET /api/sites/site-1/playbook': () => ({ body: { playbook: storedPlaybook() } }),
      'PATCH /api/sites/site-1': (call) => ({
        body: { site: { ...site(), ...(call.body as { botFolderForAgents: boolean }) } },
      }),
    });
    render(<PlaybookPage agent={agent()} />);
    const box = await screen.findByRole<HTMLInputElement>('checkbox', { name: 'Agents see the Bot folder' });
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    await waitFor(() => expect(http.calls.some((c) => c.method === 'PATCH')).toBe(true));
    expect(http.calls.find((c) => c.method === 'PATCH')!.body).toEqual({ botFolderForAgents: true });
    await waitFor(() => expect(box.checked).toBe(true));
  });

  it('keeps showing the clicked value while it is being saved', async () => {
    let answer: (value: { body: unknown }) => void = () => {};
    mockFetch({
      'GET /api/sites': () => ({ body: { sites: [site()] } }),
      'GET /api/sites/site-1/playbook': () => ({ body: { playbook: storedPlaybook() } }),
      'PATCH /api/sites/site-1': () => new Promise((resolve) => (answer = resolve)),
    });
    render(<PlaybookPage agent={agent()} />);
    const box = await screen.findByRole<HTMLInputElement>('checkbox', { name: 'Agents see the Bot folder' });
    fireEvent.click(box);
    await waitFor(() => expect(box.disabled).toBe(true));
    // Not back to unchecked while the server has not answered.
    expect(box.checked).toBe(true);
    answer({ body: { site: { ...site(), botFolderForAgents: true } } });
    await waitFor(() => expect(box.disabled).toBe(false));
    expect(box.checked).toBe(true);
  });

  it('says why when the server refuses, and keeps the stored value', async () => {
    mockFetch({
      'GET /api/sites': () => ({ body: { sites: [site()] } }),
      'GET /api/sites/site-1/playbook': () => ({ body: { playbook: storedPlaybook() } }),
      'PATCH /api/sites/site-1': () => ({
        status: 403,
        body: { error: { code: 'forbidden', message: 'Only admins can do this.' } },
      }),
    });
    render(<PlaybookPage agent={agent()} />);
    const box = await screen.findByRole<HTMLInputElement>('checkbox', { name: 'Agents see the Bot folder' });
    fireEvent.click(box);
    expect((await screen.findByRole('alert')).textContent).toBe('Only admins can do this.');
    expect(box.checked).toBe(false);
  });
});
