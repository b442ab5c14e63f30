// The browser's Notification API, behind three calls. Permission is asked only from a click (see the Settings page).
import type { Alert } from './classify.js';

export type DesktopPermission = NotificationPermission | 'unsupported';

const api = (): typeof Notification | undefined =>
  typeof window === 'undefined' ? undefined : (window as { Notification?: typeof Notification }).Notification;

export function desktopPermission(): DesktopPermission {
  return api()?.permission ?? 'unsupported';
}

/** Call from a click handler: browsers ignore or penalize requests without a user gesture. */
export async function requestDesktopPermission(): Promise<DesktopPermission> {
  const Notification = api();
  if (!Notification) return 'unsupported';
  return Notification.requestPermission();
}

/**
 * Shows the alert when notifications are allowed. The conversation id is the tag, so a newer alert about the same
 * chat replaces the older one instead of piling up. Clicking it runs `onClick` and closes it.
 */
export function showDesktop(alert: Alert, onClick: () => void): boolean {
  const Notification = api();
  if (!Notification || Notification.permission !== 'granted') return false;
  const notification = new Notification(alert.title, { body: alert.body, tag: alert.conversationId });
  notification.onclick = () => {
    onClick();
    notification.close();
  };
  return true;
}
