// Every inbox action that writes, in a real browser against the real server, each checked again after a reload:
// saving the side panel's details (and the warning before unsaved edits are lost), handing a chat to a colleague
// and getting it back, unassigning, losing an "Assign to me" race, and a colleague's chat opened by its address.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Route } from 'playwright-core';
import { useStackAndBrowser } from './browser.js';
import { ADMIN } from './stack.js';
import { e2ePlaybook, savePlaybook, text } from './api.js';

const env = useStackAndBrowser();
const PASSWORD = 'password-123';

interface ConversationRow {
  id: string;
  number: number;
  assigneeId: string | null;
  lastMessagePreview: string | null;
}

let adminCookie = '';

async function api(method: string, path: string, body?: unknown, cookie = adminCookie): Promise<Response> {
  const res = await fetch(`${env.stack().server.url}${path}`, {
    method,
    headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...(cookie && { cookie }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res;
}

async function signIn(browser: Browser, email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(env.stack().serverUrl);
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('tab', { name: 'Unassigned', exact: true }).waitFor();
  return page;
}

/** A visitor on the demo site writes `text`: a new conversation in Unassigned (the demo playbook has no steps). */
async function newChat(text: string): Promise<ConversationRow> {
  const visitor = await (await env.browser().newContext()).newPage();
  await visitor.goto(env.stack().demoUrl);
  await visitor.getByRole('button', { name: 'Open chat' }).click();
  await visitor.getByRole('textbox', { name: 'Message' }).fill(text);
  await visitor.getByRole('button', { name: 'Send' }).click();
  let found: ConversationRow | undefined;
  await expect
    .poll(
      async () => {
        const { conversations } = (await (await api('GET', '/api/conversations?folder=all')).json()) as {
          conversations: ConversationRow[];
        };
        found = conversations.find((c) => c.lastMessagePreview === text);
        return found !== undefined;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  await visitor.context().close();
  return found!;
}

async function openChat(page: Page, c: ConversationRow): Promise<void> {
  await page.evaluate((hash) => (location.hash = hash), `#/inbox/${c.id}`);
  await page.getByRole('region', { name: `Conversation #${c.number}` }).waitFor();
}

/** The thread pane: a conversation's region, or the neutral pane of one there is nothing to show of. */
const pane = (page: Page) => page.getByRole('region', { name: 'Conversation', exact: true });
const assignee = (page: Page) => page.getByRole('combobox', { name: 'Assignee' });
const chosenAssignee = (page: Page) => assignee(page).locator('option:checked').innerText();
const alerts = (page: Page) => page.getByRole('alert').count();

let ann: Page;
let ben: Page;

beforeAll(async () => {
  const login = await api('POST', '/api/auth/login', ADMIN, '');
  adminCookie = login.headers.get('set-cookie')!.split(';')[0]!;
  for (const name of ['Ann', 'Ben'])
    await api('POST', '/api/agents', {
      name,
      email: `${name.toLowerCase()}@example.com`,
      role: 'agent',
      password: PASSWORD,
    });
  ann = await signIn(env.browser(), 'ann@example.com', PASSWORD);
  ben = await signIn(env.browser(), 'ben@example.com', PASSWORD);
});

describe('inbox actions in a real browser', () => {
  it('saves the details for good, and warns before unsaved edits are lost', async () => {
    const chat = await newChat('We need a quote for 40 seats.');
    await openChat(ann, chat);
    await ann.getByRole('button', { name: 'Assign to me' }).click();
    await expect.poll(() => chosenAssignee(ann)).toBe('Ann');

    await ann.getByLabel('Deal value').fill('9120');
    await ann.getByLabel('Contact name').fill('Vera Visitor');
    await ann.getByRole('textbox', { name: 'Email', exact: true }).fill('vera@example.com');
    await ann.getByLabel('Phone').fill('+386 40 123 456');
    await ann.getByLabel('Organization name').fill('Acme d.o.o.');
    await ann.getByRole('textbox', { name: 'Note', exact: true }).fill('40 seats, wants a quote');
    await ann.getByRole('button', { name: 'Save details' }).click();
    await ann.getByRole('status', { name: 'Saved' }).waitFor();
    expect(await alerts(ann)).toBe(0);

    await ann.reload();
    const region = ann.getByRole('region', { name: `Conversation #${chat.number}` });
    await expect.poll(() => ann.getByLabel('Contact name').inputValue()).toBe('Vera Visitor');
    expect(await ann.getByRole('textbox', { name: 'Email', exact: true }).inputValue()).toBe(
      'vera@example.com',
    );
    expect(await ann.getByLabel('Phone').inputValue()).toBe('+386 40 123 456');
    expect(await ann.getByLabel('Organization name').inputValue()).toBe('Acme d.o.o.');
    expect(await ann.getByLabel('Deal value').inputValue()).toBe('9120');
    expect(await ann.getByRole('textbox', { name: 'Note', exact: true }).inputValue()).toBe(
      '40 seats, wants a quote',
    );
    // The thread names the visitor by the contact's name now, not "Visitor 1234".
    const authors = region.getByRole('log').locator('.msg--visitor .msg__author');
    await expect.poll(() => authors.allInnerTexts()).toEqual(['Vera Visitor']);

    // A human message beside a field the server refuses (never the raw validation text).
    await ann.getByLabel('Phone').fill('12');
    await ann.getByRole('button', { name: 'Save details' }).click();
    await expect.poll(() => region.innerText()).toContain('+386 40 123 456');
    expect(await region.innerText()).not.toMatch(/body\.|invalid input|expected (string|object|number)/i);
    await ann.getByLabel('Phone').fill('+386 40 123 456');

    // Unsaved edits: switching to another chat asks first; "stay" keeps the chat and the edit.
    const other = await newChat('Do you have a free plan?');
    await ann.getByRole('textbox', { name: 'Note', exact: true }).fill('40 seats, call back Monday');
    const questions: string[] = [];
    ann.once('dialog', (dialog) => {
      questions.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await ann.getByRole('tab', { name: 'Unassigned', exact: true }).click();
    await ann.getByRole('link', { name: new RegExp(`#${other.number}\\b`) }).click();
    await expect.poll(() => questions).toEqual([expect.stringMatching(/^confirm: .*unsaved/)]);
    expect(await ann.evaluate(() => location.hash)).toBe(`#/inbox/${chat.id}`);
    expect(await ann.getByRole('textbox', { name: 'Note', exact: true }).inputValue()).toBe(
      '40 seats, call back Monday',
    );

    // Reloading asks the browser's own question.
    ann.once('dialog', (dialog) => {
      questions.push(dialog.type());
      void dialog.accept();
    });
    await ann.reload();
    expect(questions.at(-1)).toBe('beforeunload');
    // The edit was left unsaved: the stored note is back.
    await expect
      .poll(() => ann.getByRole('textbox', { name: 'Note', exact: true }).inputValue())
      .toBe('40 seats, wants a quote');

    // Nothing unsaved: switching asks nothing.
    await ann.getByRole('link', { name: new RegExp(`#${other.number}\\b`) }).click();
    await ann.getByRole('region', { name: `Conversation #${other.number}` }).waitFor();
    expect(questions).toHaveLength(2);
  });

  it('hands a chat to a colleague and gets it back: the view leaves cleanly and comes back whole', async () => {
    const chat = await newChat('Can someone from sales call me?');
    await openChat(ann, chat);
    await ann.getByRole('button', { name: 'Assign to me' }).click();
    await expect.poll(() => chosenAssignee(ann)).toBe('Ann');

    await assignee(ann).selectOption({ label: 'Ben' });
    await expect
      .poll(() => pane(ann).getByRole('status').innerText())
      .toBe('Handed to Ben. You can no longer see this chat.');
    expect(await alerts(ann)).toBe(0);
    expect(await ann.getByRole('textbox', { name: 'Reply' }).count()).toBe(0);
    expect(await ann.getByText('Conversation not found').count()).toBe(0);
    const annList = ann.getByRole('region', { name: 'Conversations' });
    for (const folder of ['Unassigned', 'My chats'] as const) {
      await ann.getByRole('tab', { name: folder, exact: true }).click();
      await expect
        .poll(() => annList.getByRole('link', { name: new RegExp(`#${chat.number}\\b`) }).count())
        .toBe(0);
    }
    // After a reload it is simply not Ann's to see.
    await ann.reload();
    await expect.poll(() => pane(ann).innerText()).toBe('Conversation not found.');

    // Ben has it, and hands it back to Ann: her open view comes back whole, without a reload.
    await ben.reload();
    await openChat(ben, chat);
    await expect.poll(() => chosenAssignee(ben)).toBe('Ben');
    await assignee(ben).selectOption({ label: 'Ann' });
    await expect
      .poll(() => pane(ben).getByRole('status').innerText())
      .toBe('Handed to Ann. You can no longer see this chat.');

    const region = ann.getByRole('region', { name: `Conversation #${chat.number}` });
    await region.getByRole('log').getByText('Can someone from sales call me?').waitFor();
    await expect.poll(() => chosenAssignee(ann)).toBe('Ann');
    expect(await region.getByRole('textbox', { name: 'Reply' }).count()).toBe(1);
    expect(await alerts(ann)).toBe(0);
    // Each event is told once: the assignment lines, not also "joined"/"left" beside them.
    const log = await region.getByRole('log').innerText();
    expect(log).toContain('Ben assigned this conversation to Ann');
    expect(log).not.toMatch(/joined the chat|left the chat/);

    // And she can answer.
    await region.getByRole('textbox', { name: 'Reply' }).fill('Hi, Ann here. When suits you?');
    await region.getByRole('textbox', { name: 'Reply' }).press('Enter');
    await expect.poll(() => region.getByRole('log').innerText()).toContain('Ann here');
    await ann.reload();
    await expect.poll(() => region.getByRole('log').innerText()).toContain('Ann here');
    expect(await chosenAssignee(ann)).toBe('Ann');
    expect(await alerts(ann)).toBe(0);
  });

  it('unassigns: the chat goes back to Unassigned for good, and opens normally for a colleague', async () => {
    const chat = await newChat('Is there a discount for NGOs?');
    await openChat(ann, chat);
    await openChat(ben, chat);
    await ann.getByRole('button', { name: 'Assign to me' }).click();
    await expect.poll(() => chosenAssignee(ann)).toBe('Ann');
    // Ben was reading it in Unassigned: it leaves his sight with a notice, and is "not found" after a reload.
    await expect
      .poll(() => pane(ben).getByRole('status').innerText())
      .toBe('This chat is now with a colleague. You can no longer see it.');
    expect(await alerts(ben)).toBe(0);
    await ben.reload();
    await expect.poll(() => pane(ben).innerText()).toBe('Conversation not found.');

    await assignee(ann).selectOption({ label: 'Unassigned' });
    const annView = ann.getByRole('region', { name: `Conversation #${chat.number}` });
    await annView.getByRole('button', { name: 'Assign to me' }).waitFor();
    await ann.reload();
    await annView.getByRole('button', { name: 'Assign to me' }).waitFor();
    expect(await chosenAssignee(ann)).toBe('Unassigned');

    // Ben's "not found" was about then: it opens now, live and after a reload.
    const benView = ben.getByRole('region', { name: `Conversation #${chat.number}` });
    await benView.getByRole('log').getByText('Is there a discount for NGOs?').waitFor();
    await ben.reload();
    await benView.getByRole('button', { name: 'Assign to me' }).waitFor();
    expect(await alerts(ben)).toBe(0);
  });

  it('finds a conversation by its number from any folder', async () => {
    const chat = await newChat('Do you integrate with Pipedrive?');
    await openChat(ann, chat);
    await ann.getByRole('button', { name: 'Assign to me' }).click();
    await expect.poll(() => chosenAssignee(ann)).toBe('Ann');
    await ann.getByRole('tab', { name: 'Unassigned', exact: true }).click();
    const list = ann.getByRole('region', { name: 'Conversations' });
    await list.getByRole('searchbox', { name: 'Search conversations' }).fill(`#${chat.number}`);
    await list.getByText('Search results from all folders').waitFor();
    await expect
      .poll(() => list.getByRole('link', { name: new RegExp(`#${chat.number}\\b`) }).count())
      .toBe(1);
  });

  it('tells the loser of an "Assign to me" race who won, and a colleague\'s chat by its address is "not found"', async () => {
    const chat = await newChat('Who can help me with an invoice?');
    await openChat(ann, chat);
    await openChat(ben, chat);

    // Ben clicks first, but his request is held until Ann's has won.
    let held: Route | undefined;
    await ben.route('**/api/conversations/*/assign', (route) => {
      held = route;
    });
    await ben.getByRole('button', { name: 'Assign to me' }).click();
    await expect.poll(() => held !== undefined).toBe(true);
    await ann.getByRole('button', { name: 'Assign to me' }).click();
    await expect.poll(() => chosenAssignee(ann)).toBe('Ann');
    await held!.continue();
    await expect.poll(() => pane(ben).getByRole('status').innerText()).toBe('Already taken by Ann.');
    expect(await ben.getByText('This conversation is no longer assigned to you.').count()).toBe(0);
    expect(await ben.getByRole('textbox', { name: 'Reply' }).count()).toBe(0);
    await ben.unroute('**/api/conversations/*/assign');

    // Ann's chat by its address is "not found" for Ben, exactly as a chat that does not exist.
    await ben.reload();
    await expect.poll(() => pane(ben).innerText()).toBe('Conversation not found.');
    const colleagues = await pane(ben).innerHTML();
    await ben.evaluate(() => (location.hash = '#/inbox/00000000-0000-4000-8000-000000000000'));
    await ben.reload();
    await expect.poll(() => pane(ben).innerText()).toBe('Conversation not found.');
    expect(await pane(ben).innerHTML()).toBe(colleagues);
    expect(await alerts(ben)).toBe(0);
  });

  // Last: it gives the demo site a playbook with steps, so the visitor talks to the bot alone.
  it('lists chats only the bot has handled in the Bot folder, where an agent takes one over', async () => {
    // A free-text question first: the widget sends any text to it (it refuses free text at a choice question).
    const playbook = e2ePlaybook(60);
    playbook.steps.splice(1, 0, {
      id: 'need',
      kind: 'question',
      text: text('What are you looking for?'),
      input: 'text',
      field: 'custom.need',
    });
    await savePlaybook(env.stack().server.url, playbook);
    const openWidget = async () => {
      const page = await (await env.browser().newContext()).newPage();
      await page.goto(env.stack().demoUrl);
      await page.getByRole('button', { name: 'Open chat' }).click();
      await expect
        .poll(() => page.getByRole('log').innerText(), { timeout: 15_000 })
        .toContain('What are you looking for?');
      return page;
    };
    const visitor = await openWidget();
    await visitor.getByRole('textbox', { name: 'Message' }).fill('just looking');
    await visitor.getByRole('button', { name: 'Send' }).click();
    await expect
      .poll(() => visitor.getByRole('log').innerText(), { timeout: 15_000 })
      .toContain('What brings you here?');
    // The visitor has answered, not chosen yet: only the bot has talked with them.
    const botFolder = async () =>
      (
        (await (await api('GET', '/api/conversations?folder=bot')).json()) as {
          conversations: ConversationRow[];
        }
      ).conversations;
    const [engaged, ...others] = await botFolder();
    expect(others).toEqual([]);

    const admin = await signIn(env.browser(), ADMIN.email, ADMIN.password);
    const list = admin.getByRole('region', { name: 'Conversations' });
    // The sidebar's "Bot" link opens the folder (its tab is then the selected one).
    await admin.getByRole('link', { name: 'Bot', exact: true }).click();
    await expect
      .poll(() => admin.getByRole('tab', { name: 'Bot', exact: true }).getAttribute('aria-selected'))
      .toBe('true');
    // The only chat the bot alone has handled (the others reached the team).
    const row = list.getByRole('link', { name: /^#\d+/ });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    expect(await row.innerText()).toMatch(new RegExp(`^#${engaged!.number}\\b`));

    // A second visitor only opens the chat (the bot greets them): nothing to act on, so not in the folder, not even
    // live, while the admin looks at it.
    const idle = await openWidget();
    const { conversations: open } = (await (await api('GET', '/api/conversations?status=open')).json()) as {
      conversations: ConversationRow[];
    };
    // The newest activity: their chat, which only the bot has handled.
    const { conversation: silent } = (await (
      await api('GET', `/api/conversations/${open[0]!.id}`)
    ).json()) as {
      conversation: ConversationRow & { queuedAt: number | null; visitorWroteAt: number | null };
    };
    expect(silent).toMatchObject({ assigneeId: null, queuedAt: null, visitorWroteAt: null });
    expect(silent.id).not.toBe(engaged!.id);
    expect((await botFolder()).map((c) => c.id)).toEqual([engaged!.id]);
    await new Promise((r) => setTimeout(r, 500));
    expect(await row.count()).toBe(1);
    expect(await row.innerText()).toMatch(new RegExp(`^#${engaged!.number}\\b`));
    await idle.context().close();

    await row.click();
    const view = admin.getByRole('region', { name: /^Conversation #\d+$/ });
    await view.getByRole('log').getByText('What brings you here?').first().waitFor();
    const me = ((await (await api('GET', '/api/auth/me')).json()) as { agent: { name: string } }).agent.name;
    await view.getByRole('button', { name: 'Assign to me' }).click();
    await expect.poll(() => chosenAssignee(admin)).toBe(me);
    await admin.reload();
    await expect.poll(() => chosenAssignee(admin)).toBe(me);
    await expect.poll(() => visitor.getByRole('log').innerText()).toContain('joined the chat');
    await visitor.context().close();
  });
});
