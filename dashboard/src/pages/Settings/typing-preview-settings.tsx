// Admins: whether agents see what the visitor is typing before they send it. Off by default; when on, the widget's
// privacy note tells the visitor (the widget learns it on connect).
import { SiteSettingsCard } from '../../components/site-settings-card.js';
import { SiteSwitchField } from '../../components/site-switch-field.js';

/** The "Typing" card of the Settings page, for the site picked (or the only one). */
export function TypingPreviewSection() {
  return (
    <SiteSettingsCard id="typing-title" title="Typing">
      {(site, controls) => (
        <SiteSwitchField
          site={site}
          setting="typingPreview"
          label="Share typing preview"
          hint="On: agents see what the visitor is typing before they send it (up to 200 characters), and the chat window tells the visitor so. Off: agents only see that the visitor is typing."
          onSaved={controls.replace}
        />
      )}
    </SiteSettingsCard>
  );
}
