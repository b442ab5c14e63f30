// An agent's own preferences: which desktop notifications they want.
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  NotificationSettingsSchema,
  type NotificationSettings,
} from '@livechat/shared/model';
import type { Store } from './store.js';

export function createAgentSettingsService(store: Store) {
  return {
    async notifications(agentId: string): Promise<NotificationSettings> {
      const json = await store.agents.notificationSettings(agentId);
      // Stored by this service from a checked value; a missing key (from an older version) takes its default.
      const stored = json === null ? {} : (JSON.parse(json) as Partial<NotificationSettings>);
      return NotificationSettingsSchema.parse({ ...DEFAULT_NOTIFICATION_SETTINGS, ...stored });
    },
    async setNotifications(agentId: string, settings: NotificationSettings): Promise<NotificationSettings> {
      await store.agents.setNotificationSettings(agentId, JSON.stringify(settings));
      return settings;
    },
  };
}
