// A real server (buildApp on a fresh test database) and browsers that use the dashboard's own API client against it.
import { afterEach, expect } from 'vitest';
import type { Agent, Role } from '@livechat/shared/model';
import { ApiError, agentsApi, authApi, type ApiErrorCode } from '../dashboard/src/api/index.js';
import { ADMIN, closeTestSockets, makeApp } from '../server/test/helper.js';
import { as, Browser, installFetch, type App } from './browser.js';
import type { AppConfig } from '../server/src/config.js';

export { as, Browser } from './browser.js';
export { visitorChat } from '../server/test/inbox-helper.js';

export const PASSWORD = 'password-123';

let apps: App[] = [];
afterEach(async () => {
  closeTestSockets();
  for (const app of apps) await app.close();
  apps = [];
});

/** A server with the first admin signed in, in a browser of their own. */
export async function server(
  overrides: Partial<AppConfig> = {},
): Promise<{ app: App; admin: Browser; adminAgent: Agent }> {
  const app = await makeApp(overrides);
  apps.push(app);
  installFetch();
  const admin = new Browser(app);
  const adminAgent = await as(admin, () => authApi.login(ADMIN.email, ADMIN.password));
  return { app, admin, adminAgent };
}

/** An agent added by the admin through the Team page's call, signed in through the sign-in page's call. */
export async function teammate(
  app: App,
  admin: Browser,
  name: string,
  role: Role = 'agent',
): Promise<{ agent: Agent; browser: Browser; email: string }> {
  const email = `${name.toLowerCase()}@example.com`;
  const { agent } = await as(admin, () => agentsApi.create({ name, email, role, password: PASSWORD }));
  const browser = new Browser(app);
  await as(browser, () => authApi.login(email, PASSWORD));
  return { agent, browser, email };
}

/** Runs a call expected to fail and returns its ApiError, checking its code (and status when given). */
export async function failure(
  calls: Promise<unknown>,
  code: ApiErrorCode,
  status?: number,
): Promise<ApiError> {
  const error = await calls.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected ${code}`).toBeInstanceOf(ApiError);
  expect((error as ApiError).code).toBe(code);
  if (status !== undefined) expect((error as ApiError).status).toBe(status);
  return error as ApiError;
}
