// SMS in a real browser against the fake Twilio: the admin connects a number on the SMS page, an agent texts a
// contact from the Contacts page, the customer reads it and replies on the fake phone page, the reply arrives as an
// SMS thread, the agent answers, and the customer's phone shows the answer.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SMS_WEBHOOK_PATHS } from '@livechat/shared/api';
import { startFakeTwilio, type FakeTwilio } from '../examples/fake-twilio/server.js';
import { launchBrowser } from './browser.js';
import { apiCall, signInRecordingNotifications } from './dashboard-session.js';
import { ADMIN, startStack, type Stack } from './stack.js';
import { seriousViolations } from './axe.js';

const ACCOUNT_SID = `AC${'e2'.repeat(16)}`;
const AUTH_TOKEN = 'e2e-fake-twilio-token';
const CUSTOMER = '+14155550188';

let fake: FakeTwilio;
let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  fake = await startFakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, callbackDelayMs: 100 });
  stack = await startStack({
    env: { TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_AUTH_TOKEN: AUTH_TOKEN, TWILIO_API_BASE_URL: fake.url },
  });
  fake.inboundWebhookUrl = stack.serverUrl + SMS_WEBHOOK_PATHS.messages;
  browser = await launchBrowser();
  const login = await apiCall(stack.server.url, 'POST', '/api/auth/login', ADMIN);
  const admin = login.headers.get('set-cookie')!.split(';')[0]!;
  await apiCall(
    stack.server.url,
    'POST',
    '/api/agents',
    { name: 'Ann', email: 'ann@example.com', role: 'agent', password: 'password-123' },
    admin,
  );
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await fake?.close();
});

const signIn = (email: string, password: string) =>
  signInRecordingNotifications(browser, stack.serverUrl, email, password);

it('connects a number, texts a contact, and carries the replies both ways', async () => {
  // The admin connects the first number of the account.
  const admin = await signIn(ADMIN.email, ADMIN.password);
  await admin.getByRole('link', { name: 'SMS' }).click();
  const number = fake.numbers[0]!.phoneNumber;
  const select = admin.getByRole('combobox', { name: 'Number' });
  await select.waitFor();
  await select.selectOption({ value: number });
  await admin.getByRole('button', { name: 'Save' }).click();
  await admin.getByRole('main').getByText('Connected', { exact: true }).waitFor();
  expect(await seriousViolations(admin)).toEqual([]);
  await admin.reload();
  await admin.getByRole('main').getByText('Connected', { exact: true }).waitFor();
  await expect(admin.getByRole('switch', { name: 'Enabled' }).isChecked()).resolves.toBe(true);

  // Ann texts a new contact from the Contacts page.
  const ann = await signIn('ann@example.com', 'password-123');
  await ann.getByRole('link', { name: 'Contacts' }).click();
  await ann.getByRole('button', { name: 'New' }).click();
  const dialog = ann.getByRole('dialog');
  await dialog.getByRole('radio', { name: 'Text message' }).check();
  await dialog.getByRole('textbox', { name: 'To' }).fill(CUSTOMER);
  await dialog.getByRole('textbox', { name: 'Message' }).fill('Hi! Your order #1042 is ready for pickup.');
  expect(await seriousViolations(ann)).toEqual([]);
  await dialog.getByRole('button', { name: 'Send' }).click();
  // The new SMS conversation opens, with the text's delivery.
  await ann.getByRole('img', { name: 'SMS' }).first().waitFor();
  await ann.getByText('Delivered').waitFor({ timeout: 15_000 });

  // The customer reads it on their phone and replies.
  const phone = await (await browser.newContext()).newPage();
  await phone.goto(`${fake.url}/phone/${encodeURIComponent(CUSTOMER)}`);
  const log = phone.getByRole('log');
  await log.getByText('Hi! Your order #1042 is ready for pickup.').waitFor();
  await phone.getByRole('textbox', { name: 'Reply' }).fill('Great, I will come at 5 pm.');
  await phone.getByRole('button', { name: 'Send' }).click();

  // The reply appears in Ann's SMS thread; she answers; the phone shows it.
  await ann.getByText('Great, I will come at 5 pm.').first().waitFor({ timeout: 15_000 });
  const reply = ann.getByRole('textbox', { name: 'Reply' });
  await reply.fill('See you then!');
  await reply.press('Enter');
  await log.getByText('See you then!').waitFor({ timeout: 15_000 });
  expect(fake.sent.map((m) => [m.from, m.to, m.body])).toEqual([
    [number, CUSTOMER, 'Hi! Your order #1042 is ready for pickup.'],
    [number, CUSTOMER, 'See you then!'],
  ]);

  // After a reload the thread and its deliveries are still there.
  await ann.reload();
  await ann.getByText('See you then!').first().waitFor();
  await ann.getByText('Great, I will come at 5 pm.').first().waitFor();
  expect(await seriousViolations(ann)).toEqual([]);

  // The admin switches to the other number (Configure -> number -> Save), then disconnects it (confirmed).
  const other = fake.numbers[1]!.phoneNumber;
  await admin.getByRole('combobox', { name: 'Number' }).selectOption({ value: other });
  await admin.getByRole('button', { name: 'Save' }).click();
  await admin.getByRole('main').getByText('+1 202 555 0101', { exact: false }).first().waitFor();
  await admin.getByRole('button', { name: 'Disconnect' }).click();
  await admin.getByRole('dialog').getByRole('button', { name: 'Disconnect' }).click();
  await admin.getByRole('main').getByText('Not connected', { exact: true }).waitFor();
  await admin.reload();
  await admin.getByRole('main').getByText('Not connected', { exact: true }).waitFor();

  // Ann's next text is refused, in words, where she writes it.
  await reply.fill('Are you still there?');
  await reply.press('Enter');
  await ann.getByText('No number is connected for text messages').first().waitFor();
  expect(fake.sent).toHaveLength(2);
  await closeAll([admin, ann, phone]);
});

async function closeAll(pages: Page[]) {
  for (const page of pages) await page.context().close();
}
