// Agents as they leave the server: never with their password hash.
import type { Agent } from '@livechat/shared/model';
import type { AgentWithHash } from './store.js';

/** The password hash of an invited agent who has not chosen a password yet: matches no password. */
export const NO_PASSWORD = '';

/** Strips the password hash before an agent leaves the server. */
export const publicAgent = ({ passwordHash, ...agent }: AgentWithHash): Agent => ({
  ...agent,
  invited: passwordHash === NO_PASSWORD,
});
