// One notifier and one settings store per signed-in agent, started with the app shell and stopped with it.
import type { Conversation } from '@livechat/shared/model';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { Notifier } from './notifier.js';
import { NotificationSettingsStore } from './settings-store.js';
import { tapSocket, type CreateSocket } from './tap-socket.js';

export interface Notifications {
  settings: NotificationSettingsStore;
  notifier: Notifier;
  /** The socket factory to give the inbox store, so the notifier hears the same frames first. */
  tap: (create: CreateSocket | undefined) => CreateSocket;
}

export function useNotifications(
  agentId: string,
  lookup: (conversationId: string) => Conversation | undefined,
): Notifications {
  const latestLookup = useRef(lookup);
  latestLookup.current = lookup;

  const notifications = useMemo(() => {
    const settings = new NotificationSettingsStore();
    const notifier = new Notifier({
      agentId,
      lookup: (id) => latestLookup.current(id),
      settings: () => settings.current(),
    });
    return {
      settings,
      notifier,
      tap: (create: CreateSocket | undefined) => tapSocket(create, (frame) => notifier.handleFrame(frame)),
    };
  }, [agentId]);

  useEffect(() => {
    const { notifier, settings } = notifications;
    notifier.start();
    void settings.load();
    return () => notifier.stop();
  }, [notifications]);

  return notifications;
}
