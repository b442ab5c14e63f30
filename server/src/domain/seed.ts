// First-start data: an admin when there is no agent, and the demo site with its allowed origins.
import { randomBytes } from 'node:crypto';
import { hashPassword } from './passwords.js';
import { isUniqueViolation, type Store } from './store.js';
import { newId } from './tokens.js';
import { DEFAULT_PLAYBOOK } from './playbook/default-playbook.js';

/** The demo site's key. Site keys are public (they sit in every page's HTML); allowed origins protect them. */
export const DEMO_SITE_KEY = 'demo-site-key';

export interface SeedResult {
  /** Set only when an admin was created with a generated password; print it once. */
  generatedPassword?: string;
  adminEmail?: string;
}

/**
 * Runs a first-start write; false when another node starting at the same time wrote it first (its unique key is
 * taken), which leaves the same data behind.
 */
async function firstToWrite(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}

export async function seed(
  store: Store,
  options: { adminEmail: string; adminPassword?: string; demoOrigins: string[]; now: number },
): Promise<SeedResult> {
  if ((await store.sites.count()) === 0) {
    await firstToWrite(() =>
      store.sites.insert({
        id: newId(),
        key: DEMO_SITE_KEY,
        name: 'Demo site',
        allowedOrigins: options.demoOrigins,
        createdAt: options.now,
      }),
    );
  }
  // Every site has a playbook: sites from before playbooks existed get the default one too.
  for (const site of await store.sites.all()) {
    if (!(await store.playbooks.latest(site.id)))
      await firstToWrite(() => store.playbooks.insert(site.id, DEFAULT_PLAYBOOK, null, options.now));
  }
  if ((await store.agents.count()) > 0) return {};
  const password = options.adminPassword ?? randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(password);
  const created = await firstToWrite(() =>
    store.agents.insert({
      id: newId(),
      email: options.adminEmail,
      name: 'Admin',
      role: 'admin',
      active: true,
      createdAt: options.now,
      passwordHash,
    }),
  );
  if (!created) return {};
  return { adminEmail: options.adminEmail, generatedPassword: options.adminPassword ? undefined : password };
}
