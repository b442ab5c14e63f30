// Regenerates the README screenshots from a running stack: `npx tsx scripts/screenshots.ts`.
import { launchBrowser } from '../e2e/browser.js';
import { ADMIN, startStack } from '../e2e/stack.js';

const stack = await startStack();
const browser = await launchBrowser();
try {
  const agent = await (await browser.newContext({ viewport: { width: 1280, height: 760 } })).newPage();
  const visitor = await (await browser.newContext({ viewport: { width: 1100, height: 760 } })).newPage();
  await agent.goto(stack.serverUrl);
  await agent.getByRole('textbox', { name: 'Email' }).fill(ADMIN.email);
  await agent.getByLabel('Password').fill(ADMIN.password);
  await agent.getByRole('button', { name: 'Sign in' }).click();

  await visitor.goto(stack.demoUrl);
  await visitor.getByRole('button', { name: 'Open chat' }).click();
  const say = async (text: string) => {
    await visitor.getByRole('textbox', { name: 'Message' }).fill(text);
    await visitor.getByRole('button', { name: 'Send' }).click();
  };
  await say('Hi! Do you have the Commuter 3 in a 54 cm frame?');
  await agent.getByRole('link', { name: /Commuter 3/ }).click();
  const reply = agent.getByRole('textbox', { name: 'Reply' });
  await reply.fill('Hello! Yes, we have two in stock. Would you like to book a test ride?');
  await reply.press('Enter');
  await say('Yes please, Saturday morning if possible.');
  await visitor.getByText('Saturday morning').first().waitFor();
  await agent.getByText('Saturday morning').last().waitFor();
  await new Promise((r) => setTimeout(r, 500));
  await visitor.screenshot({ path: 'docs/widget.png' });
  await agent.screenshot({ path: 'docs/dashboard.png' });
} finally {
  await browser.close();
  await stack.stop();
}
