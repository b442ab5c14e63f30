import { useEffect, useState } from 'preact/hooks';
import {
  desktopPermission,
  requestDesktopPermission,
  type DesktopPermission,
} from '../../notifications/desktop.js';

const STATE_TEXT: Record<DesktopPermission, string> = {
  granted: 'Desktop notifications are on',
  denied: 'Desktop notifications are blocked',
  default: 'Desktop notifications are not enabled yet',
  unsupported: 'This browser cannot show desktop notifications',
};

const EXPLANATION: Record<DesktopPermission, string> = {
  granted: "To turn them off, change this site's notification permission in your browser.",
  denied:
    'Your browser blocks notifications from this site. To unblock them, click the icon at the left of the ' +
    'address bar (a padlock or sliders), set Notifications to Allow, then reload this page.',
  default: 'Your browser will ask whether to allow them.',
  unsupported: 'The other alerts still work: the unread count in the tab title and the sound.',
};

/**
 * The browser's permission for desktop notifications. It is asked for only from the button's click (browsers
 * refuse or penalize prompts without a user gesture), and never again once answered: the browser then decides.
 */
export function DesktopPermissionPanel() {
  const [permission, setPermission] = useState<DesktopPermission>(desktopPermission);

  // Changed in the browser's site settings meanwhile: read again when the agent comes back to the tab.
  useEffect(() => {
    const sync = () => setPermission(desktopPermission());
    addEventListener('focus', sync);
    return () => removeEventListener('focus', sync);
  }, []);

  const enable = () => {
    // Called synchronously inside the click handler, so the browser sees the user gesture.
    requestDesktopPermission().then(setPermission, () => setPermission(desktopPermission()));
  };

  return (
    <section class="card" aria-labelledby="desktop-title">
      <h2 class="card__title" id="desktop-title">
        Desktop notifications
      </h2>
      <p class={`permission permission--${permission}`} aria-live="polite">
        {STATE_TEXT[permission]}
      </p>
      <p class="muted">{EXPLANATION[permission]}</p>
      {permission === 'default' && (
        <button type="button" class="button button--primary" onClick={enable}>
          Enable desktop notifications
        </button>
      )}
    </section>
  );
}
