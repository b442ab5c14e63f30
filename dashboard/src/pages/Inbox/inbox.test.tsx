// The inbox against a mocked API and a fake socket: folders, assignment, queue badges, playbook messages, lead data.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '../../test-utils/render.js';
import { apiError } from '../../test-utils/fetch-mock.js';
import { setupApp } from '../../test-utils/app-setup.js';
import { conversation, lead, message, T0 } from '../../test-utils/fixtures.js';
import { details } from '../../test-utils/inbox-fixtures.js';

const rich = (text: string) => [
  {
    type: 'paragraph' as const,
    children: [{ type: 'bold' as const, children: [{ type: 'text' as const, text }] }],
  },
];

describe('Inbox', () => {
  it('files conversations under Unassigned and My chats', async () => {
    const mine = conversation({ id: 'c-2', number: 2, visitorName: 'Mia Mine', assigneeId: 'ag-1' });
    const theirs = conversation({ id: 'c-3', number: 3, visitorName: 'Theo Theirs', assigneeId: 'ag-9' });
    const { connect } = setupApp({
      routes: {
        'GET /api/conversations': () => ({ body: { conversations: [conversation(), mine, theirs] } }),
      },
    });
    await connect();
    const list = await screen.findByRole('region', { name: 'Conversations' });
    const unassigned = within(list).getByRole('tab', { name: 'Unassigned' });
    expect(unassigned.getAttribute('aria-selected')).toBe('true');
    await within(list).findByText('Vera Visitor');
    expect(within(list).queryByText('Mia Mine')).toBeNull();
    expect(within(list).queryByText('Theo Theirs')).toBeNull();

    fireEvent.click(within(list).getByRole('tab', { name: 'My chats' }));
    await within(list).findByText('Mia Mine');
    expect(within(list).queryByText('Vera Visitor')).toBeNull();
    expect(within(list).queryByText('Theo Theirs')).toBeNull();
  });

  it('assigns an unassigned conversation to me', async () => {
    location.hash = '#/inbox/c-1';
    const { http, connect } = setupApp({
      routes: {
        'POST /api/conversations/c-1/assign': () => ({
          body: { conversation: conversation({ assigneeId: 'ag-1', updatedAt: T0 + 60_000 }) },
        }),
      },
    });
    await connect();
    fireEvent.click(await screen.findByRole('button', { name: 'Assign to me' }));
    expect(await screen.findByText('Assigned to you')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Assign to me' })).toBeNull();
    expect(http.calls.filter((c) => c.method === 'POST').map((c) => c.url)).toEqual([
      '/api/conversations/c-1/assign',
    ]);
    const list = screen.getByRole('region', { name: 'Conversations' });
    fireEvent.click(within(list).getByRole('tab', { name: 'My chats' }));
    expect(await within(list).findByText('Vera Visitor')).toBeTruthy();
  });

  it('says who was faster when the conversation is taken, and refreshes it', async () => {
    location.hash = '#/inbox/c-1';
    let taken = false;
    const { http, connect } = setupApp({
      routes: {
        'POST /api/conversations/c-1/assign': () => {
          taken = true;
          return apiError(409, 'already_assigned', 'Already taken by Bob Agent.');
        },
        'GET /api/conversations/c-1': () => ({
          body: { conversation: conversation(taken ? { assigneeId: 'ag-2', updatedAt: T0 + 60_000 } : {}) },
        }),
      },
    });
    await connect();
    fireEvent.click(await screen.findByRole('button', { name: 'Assign to me' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Already taken by Bob Agent.');
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Assign to me' })).toBeNull());
    expect(screen.getByRole('alert').textContent).toBe('Already taken by Bob Agent.');
    const after = http.calls.slice(http.calls.findIndex((c) => c.method === 'POST'));
    expect(after.map((c) => `${c.method} ${c.url.split('?')[0]}`)).toEqual(
      expect.arrayContaining(['GET /api/conversations/c-1', 'GET /api/conversations']),
    );
  });

  it('counts down a waiting visitor in the list and the header, and marks a missed chat', async () => {
    location.hash = '#/inbox/c-1';
    const waiting = conversation({ waitingUntil: Date.now() + 90_000 });
    const missed = conversation({ id: 'c-2', number: 2, visitorName: 'Milo Missed', missedAt: T0 + 1 });
    const { connect } = setupApp({
      conv: waiting,
      routes: { 'GET /api/conversations': () => ({ body: { conversations: [waiting, missed] } }) },
    });
    await connect();
    const list = await screen.findByRole('region', { name: 'Conversations' });
    const veraRow = (await within(list).findByText('Vera Visitor')).closest('a')!;
    expect(within(veraRow).getByText(/^Waiting 1:[23]\d$/)).toBeTruthy();
    const miloRow = (await within(list).findByText('Milo Missed')).closest('a')!;
    expect(within(miloRow).getByText('Missed')).toBeTruthy();
    expect(within(miloRow).queryByText(/^Waiting/)).toBeNull();
    const view = screen.getByRole('region', { name: 'Conversation #1' });
    expect(within(view).getByText(/^Waiting 1:[23]\d$/)).toBeTruthy();
  });

  it('shows bot messages in rich text under the bot name, questions with options, and timeline events', async () => {
    location.hash = '#/inbox/c-1';
    const bot = { kind: 'bot' as const, id: null, name: 'Robo' };
    const system = { kind: 'system' as const, id: null, name: '' };
    setupApp({
      history: [
        message(1, { author: bot, body: 'Welcome!', content: { type: 'rich', text: rich('Welcome!') } }),
        message(2, {
          author: bot,
          body: 'Sales or support?',
          content: {
            type: 'question',
            stepId: 'topic',
            text: rich('Sales or support?'),
            input: 'choice',
            choices: ['Sales', 'Support'],
          },
        }),
        message(3, { body: 'Sales' }),
        message(4, { author: system, body: 'waiting', content: { type: 'waiting', until: T0 + 60_000 } }),
        message(5, {
          author: system,
          body: 'joined',
          content: { type: 'agent_joined', agent: { id: 'ag-2', name: 'Bob Agent' } },
        }),
      ],
    });
    const log = await screen.findByRole('log');
    const welcome = await within(log).findByText('Welcome!');
    expect(welcome.tagName).toBe('STRONG');
    const botItem = welcome.closest('li')!;
    expect(within(botItem).getByText('Robo')).toBeTruthy();
    expect(within(botItem).getByText('Bot')).toBeTruthy();
    const options = within(log).getByRole('list', { name: 'Options' });
    expect(
      within(options)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Sales', 'Support']);
    expect(within(log).getByText('Waiting for an agent').closest('li')!.className).toContain('msg--system');
    expect(within(log).getByText('Bob Agent joined the chat')).toBeTruthy();
  });

  it('shows the lead data and fetches it again after a new visitor message', async () => {
    location.hash = '#/inbox/c-1';
    let current = lead({
      contact: { name: 'Vera Visitor', email: 'vera@example.com', phone: null, organization: 'Acme' },
      answers: [
        {
          stepId: 'topic',
          question: 'Sales or support?',
          field: 'custom.topic',
          value: 'Sales',
          answeredAt: T0,
        },
      ],
    });
    const { http, server, connect } = setupApp({
      routes: { 'GET /api/conversations/c-1/lead': () => ({ body: { lead: current } }) },
    });
    await connect();
    const panel = await screen.findByRole('complementary', { name: 'Lead data' });
    expect(await within(panel).findByText('vera@example.com')).toBeTruthy();
    const row = (label: string) =>
      within(panel).getByText(label).closest('div')!.querySelector('dd')!.textContent;
    expect(row('Name')).toBe('Vera Visitor');
    expect(row('Phone')).toBe('Not given');
    expect(row('Organization')).toBe('Acme');
    expect(row('Sales or support?')).toBe('Sales');
    const leadCalls = () => http.calls.filter((c) => c.url === '/api/conversations/c-1/lead').length;
    await within(screen.getByRole('log')).findByText('Hello there');
    expect(leadCalls()).toBe(1);

    current = {
      ...current,
      answers: [
        ...current.answers,
        {
          stepId: 'budget',
          question: 'Your budget?',
          field: 'custom.budget',
          value: '5k',
          answeredAt: T0 + 9,
        },
      ],
    };
    server({ type: 'message.created', message: message(2, { body: '5k' }) });
    server({ type: 'message.created', message: message(3, { body: 'and more' }) });
    await waitFor(() => expect(row('Your budget?')).toBe('5k'), { timeout: 3000 });
    expect(leadCalls()).toBe(2);
  });

  it('says when nothing was captured yet', async () => {
    location.hash = '#/inbox/c-1';
    setupApp();
    const panel = await screen.findByRole('complementary', { name: 'Lead data' });
    expect(await within(panel).findByText(/Nothing captured yet/)).toBeTruthy();
  });

  it('shows each folder with its live count, refreshed after events', async () => {
    let unassigned = 2;
    const { http, server, connect } = setupApp({
      routes: {
        'GET /api/conversations/counts': () => ({
          body: { counts: { unassigned, mine: 1, teams: 0, all: 3, bot: 4, closed: 7 } },
        }),
      },
    });
    await connect();
    const tabs = await screen.findByRole('tablist', { name: 'Folders' });
    // Each tab keeps its exact name; its size is the tab's description (and shown beside the name).
    const text = () =>
      within(tabs)
        .getAllByRole('tab')
        .map(
          (t) => `${t.firstChild?.textContent ?? ''} ${t.querySelector('.tabs__count')?.textContent ?? ''}`,
        );
    await waitFor(() =>
      expect(text()).toEqual([
        'Unassigned 2',
        'My chats 1',
        'My teams 0',
        'All chats 3',
        'Bot 4',
        'Closed 7',
      ]),
    );
    expect(
      within(tabs).getByRole('tab', { name: 'Unassigned', description: '2 conversations' }),
    ).toBeTruthy();
    expect(within(tabs).getByRole('tab', { name: 'My chats', description: '1 conversation' })).toBeTruthy();
    const asked = () => http.calls.filter((c) => c.url === '/api/conversations/counts').length;
    const before = asked();

    unassigned = 1;
    server({
      type: 'conversation.updated',
      conversation: conversation({ assigneeId: 'ag-2', updatedAt: T0 + 5 }),
    });
    server({ type: 'message.created', message: message(2) });
    await waitFor(() => expect(text()[0]).toBe('Unassigned 1'));
    expect(asked()).toBe(before + 1);
  });

  it('shows All chats to admins only, and Bot to agents only where their site shows it', async () => {
    const { connect } = setupApp({
      role: 'agent',
      routes: {
        'GET /api/conversations/counts': () => ({
          body: { counts: { unassigned: 1, mine: 0, teams: 0, all: null, bot: null, closed: 0 } },
        }),
      },
    });
    await connect();
    const tabs = await screen.findByRole('tablist', { name: 'Folders' });
    expect(within(tabs).queryByRole('tab', { name: /All chats/ })).toBeNull();
    expect(within(tabs).queryByRole('tab', { name: 'Bot' })).toBeNull();
    expect(
      within(tabs)
        .getAllByRole('tab')
        .map((t) => t.firstChild?.textContent),
    ).toEqual(['Unassigned', 'My chats', 'My teams', 'Closed']);
  });

  it('lists the chats only the bot has handled in Bot; one opens with its transcript and Assign to me', async () => {
    location.hash = '#/inbox';
    const botOnly = conversation({
      id: 'c-5',
      number: 5,
      visitorName: 'Bo Bot',
      queuedAt: null,
      visitorWroteAt: T0,
      lastSeq: 2,
      lastMessagePreview: 'What brings you here?',
    });
    const transcript = [
      message(1, { conversationId: 'c-5', body: 'Hi there' }),
      message(2, {
        conversationId: 'c-5',
        author: { kind: 'bot', id: null, name: 'Ava' },
        body: 'What brings you here?',
      }),
    ];
    const { http, server, connect } = setupApp({
      role: 'agent',
      routes: {
        'GET /api/conversations/counts': () => ({
          body: { counts: { unassigned: 0, mine: 0, teams: 0, all: null, bot: 1, closed: 0 } },
        }),
        'GET /api/conversations': ({ url }) => ({
          body: { conversations: url.includes('folder=bot') ? [botOnly] : [] },
        }),
        'GET /api/conversations/c-5': () => ({ body: { conversation: botOnly } }),
        'GET /api/conversations/c-5/messages': () => ({ body: { messages: transcript } }),
        'GET /api/conversations/c-5/activities': () => ({ body: { activities: [] } }),
        'GET /api/conversations/c-5/details': () => ({ body: { details: details() } }),
        'GET /api/conversations/c-5/records': () => ({ body: { records: [] } }),
        'GET /api/conversations/c-5/lead': () => ({ body: { lead: lead() } }),
      },
    });
    await connect();
    const list = await screen.findByRole('region', { name: 'Conversations' });
    fireEvent.click(await within(list).findByRole('tab', { name: 'Bot' }));
    const link = await within(list).findByRole('link', { name: /Bo Bot/ });
    expect(http.calls.some((c) => c.url === '/api/conversations?folder=bot')).toBe(true);
    // A visitor who only opened the chat (greeted by the bot, never wrote) is not filed in Bot live; once they
    // write, they are.
    const silent = conversation({
      id: 'c-6',
      number: 6,
      visitorId: 'v-6',
      visitorName: 'Si Lent',
      queuedAt: null,
      visitorWroteAt: null,
      updatedAt: T0 + 10,
      lastSeq: 2,
      lastMessagePreview: 'What brings you here?',
    });
    server({ type: 'conversation.updated', conversation: silent });
    server({ type: 'conversation.updated', conversation: { ...botOnly, updatedAt: T0 + 11 } });
    await waitFor(() =>
      expect(
        within(list)
          .getAllByRole('link', { name: /^#/ })
          .map((l) => l.textContent),
      ).toEqual([expect.stringContaining('Bo Bot')]),
    );
    server({
      type: 'conversation.updated',
      conversation: { ...silent, visitorWroteAt: T0 + 12, updatedAt: T0 + 12 },
    });
    await within(list).findByRole('link', { name: /Si Lent/ });
    location.hash = link.getAttribute('href')!;
    const view = await screen.findByRole('region', { name: 'Conversation #5' });
    const log = within(view).getByRole('log');
    await within(log).findByText('Hi there');
    expect(within(log).getByText('What brings you here?')).toBeTruthy();
    expect(within(view).getByRole('button', { name: 'Assign to me' })).toBeTruthy();
  });

  it.each([
    ['Bot', 'bot', { teams: 0, bot: 2 }],
    ['My teams', 'teams', { teams: 2, bot: null }],
  ] as const)('opens its folder from the sidebar link "%s"', async (label, folder, sizes) => {
    location.hash = '#/inbox';
    const { http, connect } = setupApp({
      role: 'agent',
      routes: {
        'GET /api/conversations/counts': () => ({
          body: { counts: { unassigned: 0, mine: 0, all: null, closed: 0, ...sizes } },
        }),
      },
    });
    await connect();
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    const bot = await within(nav).findByRole('link', { name: label, description: '2 conversations' });
    expect(bot.getAttribute('href')).toBe(`#/folder/${folder}`);
    location.hash = bot.getAttribute('href')!;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    const list = await screen.findByRole('region', { name: 'Conversations' });
    await waitFor(() =>
      expect(within(list).getByRole('tab', { name: label }).getAttribute('aria-selected')).toBe('true'),
    );
    expect(http.calls.some((c) => c.url === `/api/conversations?folder=${folder}`)).toBe(true);
    expect(bot.getAttribute('aria-current')).toBe('page');

    // Another folder's tab: the sidebar follows the folder shown, not the address.
    fireEvent.click(within(list).getByRole('tab', { name: 'My chats' }));
    await waitFor(() => expect(bot.getAttribute('aria-current')).toBeNull());
    expect(within(nav).getByRole('link', { name: 'Inbox' }).getAttribute('aria-current')).toBe('page');
    // The link again, while the address still names the folder: it shows it again.
    fireEvent.click(bot);
    await waitFor(() =>
      expect(within(list).getByRole('tab', { name: label }).getAttribute('aria-selected')).toBe('true'),
    );
    expect(bot.getAttribute('aria-current')).toBe('page');
  });

  it("files a chat that arrives in one of the agent's teams' queues under My teams, live", async () => {
    location.hash = '#/folder/teams';
    const { server, connect } = setupApp({
      role: 'agent',
      routes: {
        'GET /api/conversations/counts': () => ({
          body: {
            counts: {
              unassigned: 0,
              mine: 0,
              teams: 0,
              all: null,
              bot: null,
              closed: 0,
              teamIds: ['t-sales'],
            },
          },
        }),
        'GET /api/conversations?folder=teams': () => ({ body: { conversations: [] } }),
      },
    });
    await connect();
    const list = await screen.findByRole('region', { name: 'Conversations' });
    await waitFor(() =>
      expect(within(list).getByRole('tab', { name: 'My teams' }).getAttribute('aria-selected')).toBe('true'),
    );
    const queued = { id: 'c-9', number: 9, visitorName: 'Tea Mate', teamId: 't-sales', queuedAt: T0 + 1 };
    server({ type: 'conversation.updated', conversation: conversation({ ...queued, updatedAt: T0 + 2 }) });
    await within(list).findByRole('link', { name: /Tea Mate/ });
    // Another team's queue is not the agent's: it does not join the folder.
    server({
      type: 'conversation.updated',
      conversation: conversation({
        ...queued,
        id: 'c-10',
        number: 10,
        visitorName: 'Other Queue',
        teamId: 't-x',
      }),
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(within(list).queryByRole('link', { name: /Other Queue/ })).toBeNull();
  });

  it('has no "Bot" link for an agent whose site keeps bot chats from agents', async () => {
    const { connect } = setupApp({
      role: 'agent',
      routes: {
        'GET /api/conversations/counts': () => ({
          body: { counts: { unassigned: 0, mine: 0, teams: 0, all: null, bot: null, closed: 0 } },
        }),
      },
    });
    await connect();
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    await within(nav).findByRole('link', { name: 'Inbox' });
    expect(within(nav).queryByRole('link', { name: 'Bot' })).toBeNull();
  });

  it('lists All chats for an admin, asking for the folder', async () => {
    const theirs = conversation({ id: 'c-3', number: 3, visitorName: 'Theo Theirs', assigneeId: 'ag-9' });
    const { http, connect } = setupApp({
      routes: { 'GET /api/conversations': () => ({ body: { conversations: [conversation(), theirs] } }) },
    });
    await connect();
    const list = await screen.findByRole('region', { name: 'Conversations' });
    fireEvent.click(within(list).getByRole('tab', { name: 'All chats' }));
    await within(list).findByText('Theo Theirs');
    expect(within(list).getByText('Vera Visitor')).toBeTruthy();
    expect(http.calls.some((c) => c.url === '/api/conversations?folder=all')).toBe(true);
  });
});
