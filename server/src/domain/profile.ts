// The signed-in agent's own profile: their name, dashboard language, picture and password. A new name reaches their open sockets at once
// (so "<name> joined the chat" uses it from then on); a new password ends every other session of theirs.
import { ErrorCode } from '@livechat/shared/protocol/constants';
import type { Agent } from '@livechat/shared/model';
import type { ChangePasswordBody, UpdateProfileBody } from '@livechat/shared/api';
import { publicAgent } from './agents.js';
import type { AuthService } from './auth.js';
import { DomainError, notFound } from './errors.js';
import type { EventBus } from './events.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { AvatarType, Store, StoredAvatar } from './store.js';
import { stripMetadata } from './media/strip-metadata.js';

/** The largest picture accepted, in bytes. */
export const AVATAR_MAX_BYTES = 512 * 1024;

const startsWith = (data: Buffer, bytes: readonly number[], offset = 0) =>
  data.length >= offset + bytes.length && bytes.every((b, i) => data[offset + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The picture's type by its first bytes (what the client claims is ignored); null for anything else. */
export function sniffImage(data: Buffer): AvatarType | null {
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(data, ascii('RIFF')) && startsWith(data, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

export function createProfileService(store: Store, events: EventBus, auth: AuthService, now: () => number) {
  /** Reads the agent back and tells their sockets (and presence) who they are now. */
  async function changed(agentId: string): Promise<Agent> {
    const stored = await store.agents.byId(agentId);
    if (!stored) throw notFound('Agent');
    const agent = publicAgent(stored);
    events.publish({ type: 'agent.updated', agent });
    return agent;
  }

  return {
    async update(agentId: string, changes: UpdateProfileBody): Promise<Agent> {
      await store.transaction(async () => {
        await store.agents.lock(agentId);
        const current = await store.agents.byId(agentId);
        if (!current) throw notFound('Agent');
        await store.agents.update({ ...current, name: changes.name ?? current.name });
        if (changes.language !== undefined) await store.agents.setLanguage(agentId, changes.language);
      });
      return changed(agentId);
    },

    /** Checks the current password, sets the new one and ends every session but `sessionHash` (the caller's). */
    async changePassword(agentId: string, sessionHash: string, body: ChangePasswordBody): Promise<void> {
      const current = await store.agents.byId(agentId);
      if (!current) throw notFound('Agent');
      if (!(await verifyPassword(body.currentPassword, current.passwordHash)))
        throw new DomainError(
          ErrorCode.InvalidRequest,
          'Your current password is not correct.',
          'currentPassword',
        );
      const passwordHash = await hashPassword(body.newPassword);
      await store.transaction(async () => {
        // Read again: the agent may have changed while the hash was computed.
        await store.agents.lock(agentId);
        const latest = await store.agents.byId(agentId);
        if (!latest) throw notFound('Agent');
        await store.agents.update({ ...latest, passwordHash });
      });
      await auth.endSessions(agentId, sessionHash);
    },

    /**
     * Stores a PNG, JPEG or WebP picture, recognised by its bytes, without its metadata: a phone photo's EXIF carries
     * where it was taken, and colleagues (and, in the widget, visitors) see this picture. A damaged image is refused.
     */
    async setAvatar(agentId: string, upload: Buffer): Promise<Agent> {
      if (upload.length > AVATAR_MAX_BYTES)
        throw new DomainError(ErrorCode.PayloadTooLarge, 'The picture is larger than 512 KB.');
      const contentType = sniffImage(upload);
      if (!contentType)
        throw new DomainError(ErrorCode.InvalidRequest, 'The picture must be a PNG, JPEG or WebP image.');
      const data = Buffer.from(stripMetadata(upload, contentType));
      await store.transaction(() => store.agents.setAvatar(agentId, { contentType, data }, now()));
      return changed(agentId);
    },

    async removeAvatar(agentId: string): Promise<Agent> {
      await store.transaction(() => store.agents.removeAvatar(agentId));
      return changed(agentId);
    },

    /** An agent's stored picture, or not-found. */
    async avatar(agentId: string): Promise<StoredAvatar> {
      const picture = await store.agents.avatar(agentId);
      if (!picture) throw notFound('Picture');
      return picture;
    },
  };
}
export type ProfileService = ReturnType<typeof createProfileService>;
