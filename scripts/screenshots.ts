// Regenerates the README screenshots from a running stack: `npx tsx scripts/screenshots.ts`.
import { launchBrowser } from '../e2e/browser.js';
import { ADMIN, startStack } from '../e2e/stack.js';
import { e2ePlaybook } from '../e2e/api.js';
import { startFakeTwilio } from '../examples/fake-twilio/server.js';
import { SMS_WEBHOOK_PATHS } from '@livechat/shared/api';

/** A one-page PDF, as small as a valid one gets. */
const SAMPLE_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 72 72]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const twilio = { accountSid: `AC${'5c'.repeat(16)}`, authToken: 'screenshots-fake-token' };
const fake = await startFakeTwilio({ ...twilio, callbackDelayMs: 100 });
// A playbook with a question before the Live Chat card, and a wait long enough to take the pictures.
const stack = await startStack({
  playbook: e2ePlaybook(300),
  env: {
    TWILIO_ACCOUNT_SID: twilio.accountSid,
    TWILIO_AUTH_TOKEN: twilio.authToken,
    TWILIO_API_BASE_URL: fake.url,
  },
});
fake.inboundWebhookUrl = stack.serverUrl + SMS_WEBHOOK_PATHS.messages;
const browser = await launchBrowser();
try {
  const agent = await (await browser.newContext({ viewport: { width: 1280, height: 760 } })).newPage();
  const visitor = await (await browser.newContext({ viewport: { width: 1100, height: 760 } })).newPage();
  await agent.goto(stack.serverUrl);
  await agent.getByRole('textbox', { name: 'Email' }).fill(ADMIN.email);
  await agent.getByLabel('Password').fill(ADMIN.password);
  await agent.getByRole('button', { name: 'Sign in' }).click();
  await agent.getByRole('switch', { name: 'Available' }).click();

  await visitor.goto(stack.demoUrl);
  await visitor.getByRole('button', { name: 'Open chat' }).click();
  await visitor.getByRole('button', { name: 'A demo' }).click();
  await visitor.getByRole('status').waitFor();
  await agent.getByRole('tab', { name: 'Unassigned' }).click();
  await agent
    .getByRole('link', { name: /Let me find someone from the team/ })
    .first()
    .click();
  await agent.getByRole('button', { name: 'Assign to me' }).click();
  const say = async (text: string) => {
    await visitor.getByRole('textbox', { name: 'Message' }).fill(text);
    await visitor.getByRole('button', { name: 'Send' }).click();
  };
  await visitor.getByText('Admin joined the chat').waitFor();
  await say('Hi! Could you show us the reporting features?');
  const reply = agent.getByRole('textbox', { name: 'Reply' });
  await reply.fill('Hello! Of course. Does Tuesday at 10:00 work for a 30-minute call?');
  await reply.press('Enter');
  await say('Tuesday works, thanks.');
  await visitor.getByText('Tuesday works').first().waitFor();
  await agent.getByText('Tuesday works').last().waitFor();
  await new Promise((r) => setTimeout(r, 500));
  await visitor.screenshot({ path: 'docs/widget.png' });
  await agent.screenshot({ path: 'docs/dashboard.png' });

  // Files: the visitor sends a picture, the agent a PDF with a caption; the Gallery lists both.
  const [visitorFiles] = await Promise.all([
    visitor.waitForEvent('filechooser'),
    visitor.getByRole('button', { name: 'Attach file' }).click(),
  ]);
  await visitorFiles.setFiles('docs/playbook.png');
  await say('This is the report we use today.');
  await agent.getByRole('img', { name: 'playbook.png' }).first().waitFor();
  const [agentFiles] = await Promise.all([
    agent.waitForEvent('filechooser'),
    agent.getByRole('button', { name: 'Attach file' }).click(),
  ]);
  await agentFiles.setFiles({ name: 'reporting-tour.pdf', mimeType: 'application/pdf', buffer: SAMPLE_PDF });
  await agent
    .getByRole('list', { name: 'Attached files' })
    .getByRole('progressbar')
    .waitFor({ state: 'detached' });
  await reply.fill('Here is the agenda for Tuesday.');
  await reply.press('Enter');
  await agent.getByRole('tab', { name: 'Gallery' }).click();
  await agent.getByRole('list', { name: 'Files' }).getByText('reporting-tour.pdf').waitFor();
  await new Promise((r) => setTimeout(r, 500));
  await agent.screenshot({ path: 'docs/media.png' });
  await agent.getByRole('tab', { name: 'Overview' }).click();

  await agent.getByRole('link', { name: 'Playbook' }).click();
  await agent.getByRole('button', { name: 'Save playbook' }).waitFor();
  await new Promise((r) => setTimeout(r, 500));
  await agent.screenshot({ path: 'docs/playbook.png', fullPage: true });

  // Texts: connect a number, text a customer, who replies from the fake phone.
  await agent.getByRole('link', { name: 'SMS' }).click();
  await agent.getByRole('combobox', { name: 'Number' }).selectOption({ index: 1 });
  await agent.getByRole('button', { name: 'Save' }).click();
  await agent.getByRole('main').getByText('Connected', { exact: true }).waitFor();
  await agent.getByRole('link', { name: 'Contacts' }).click();
  await agent.getByRole('button', { name: 'New' }).click();
  await agent.getByRole('textbox', { name: 'To' }).fill('+1 415 555 0123');
  await agent
    .getByRole('textbox', { name: 'Message' })
    .fill('Hi Sam, your quote for 40 seats is ready. Any questions?');
  await agent.getByRole('button', { name: 'Send' }).click();
  await agent.getByText('Delivered').waitFor();
  await fake.textFromPhone({ from: '+14155550123', body: 'Thanks! Does it include onboarding?' });
  await agent.getByText('Does it include onboarding?').first().waitFor();
  await reply.fill('Yes: two onboarding sessions are included.');
  await new Promise((r) => setTimeout(r, 500));
  await agent.screenshot({ path: 'docs/sms.png' });

  // Teams: Sales, with its members and automatic assignment.
  await agent.getByRole('link', { name: 'Teams', exact: true }).click();
  await agent.getByRole('textbox', { name: 'Team name' }).fill('Sales');
  await agent.getByRole('button', { name: 'New team' }).click();
  const sales = agent.getByRole('region', { name: 'Sales' });
  await sales.getByRole('button', { name: 'Choose members of Sales' }).click();
  await sales.getByRole('checkbox', { name: 'Admin' }).check();
  await sales.getByRole('button', { name: 'Save members' }).click();
  await sales.getByRole('list', { name: 'Members of Sales' }).waitFor();
  await sales.getByRole('switch', { name: 'Automatic assignment' }).click();
  await sales.getByRole('spinbutton', { name: 'Maximum open chats' }).fill('4');
  await sales.getByRole('button', { name: 'Save routing' }).click();
  await sales.getByRole('status').waitFor();
  await new Promise((r) => setTimeout(r, 300));
  await agent.screenshot({ path: 'docs/teams.png' });
} finally {
  await browser.close();
  await stack.stop();
  await fake.close();
}
