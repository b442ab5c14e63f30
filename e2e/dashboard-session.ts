// A signed-in dashboard in its own browser context, with `window.Notification` replaced by a recorder so a test
// sees exactly what the dashboard asked the desktop to show; and the server's HTTP API as a test calls it.
import type { Browser, Page } from 'playwright-core';

export interface ShownNotification {
  title: string;
  body?: string;
  tag?: string;
}

/** A JSON request to the server; throws on a non-2xx answer. */
export async function apiCall(serverUrl: string, method: string, path: string, body: unknown, cookie = '') {
  const res = await fetch(`${serverUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(cookie && { cookie }) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res;
}

/** Signs in over the API: the Cookie header value. */
export async function apiSignIn(serverUrl: string, email: string, password: string): Promise<string> {
  const login = await apiCall(serverUrl, 'POST', '/api/auth/login', { email, password });
  return login.headers.get('set-cookie')!.split(';')[0]!;
}

/** An admin adds an agent over the API (role agent, the given password). */
export async function addAgent(
  serverUrl: string,
  adminCookie: string,
  agent: { name: string; email: string; password: string },
): Promise<void> {
  await apiCall(serverUrl, 'POST', '/api/agents', { ...agent, role: 'agent' }, adminCookie);
}

export async function signInRecordingNotifications(
  browser: Browser,
  dashboardUrl: string,
  email: string,
  password: string,
): Promise<Page> {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const shown: { title: string; body?: string; tag?: string }[] = [];
    class FakeNotification {
      static permission = 'granted';
      static requestPermission = () => Promise.resolve('granted');
      onclick: (() => void) | null = null;
      constructor(title: string, options: { body?: string; tag?: string } = {}) {
        shown.push({ title, ...options });
        (window as unknown as { lastNotification: FakeNotification }).lastNotification = this;
      }
      close() {}
    }
    Object.assign(window, { Notification: FakeNotification, shownNotifications: shown });
  });
  return signIn(await context.newPage(), dashboardUrl, email, password);
}

/** Signs in on the dashboard's page as a person does, and waits for the inbox. */
export async function signIn(
  page: Page,
  dashboardUrl: string,
  email: string,
  password: string,
): Promise<Page> {
  await page.goto(dashboardUrl);
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('tab', { name: 'Unassigned', exact: true }).waitFor();
  return page;
}

export const notifications = (page: Page): Promise<ShownNotification[]> =>
  page.evaluate(() => (window as unknown as { shownNotifications: ShownNotification[] }).shownNotifications);
