// A stand-in for the browser's Notification API (absent in happy-dom); put back after each test.
import { afterEach, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** `permission` is the state at start; `answer` is what the permission prompt resolves to. */
export function mockNotifications(
  permission: NotificationPermission = 'granted',
  answer: NotificationPermission = 'granted',
) {
  const shown: FakeNotification[] = [];

  class FakeNotification {
    static permission: NotificationPermission = permission;
    static readonly requestPermission = vi.fn(() => {
      FakeNotification.permission = answer;
      return Promise.resolve(answer);
    });
    onclick: ((ev: Event) => void) | null = null;
    readonly close = vi.fn();

    constructor(
      readonly title: string,
      readonly options: NotificationOptions = {},
    ) {
      shown.push(this);
    }

    /** What the browser does when the person clicks it. */
    click(): void {
      this.onclick?.(new Event('click'));
    }
  }

  vi.stubGlobal('Notification', FakeNotification);
  /** Title, body and tag of each notification shown, in order. */
  const summary = () => shown.map((n) => ({ title: n.title, body: n.options.body, tag: n.options.tag }));
  return { Notification: FakeNotification, shown, summary };
}
