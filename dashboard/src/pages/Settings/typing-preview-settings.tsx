// Admins: whether agents see what the visitor is typing before they send it. Off by default; when on, the widget's
// privacy note tells the visitor (the widget learns it on connect).
import type { Site } from '@livechat/shared/model';
import { SitePicker } from '../../components/site-picker.js';
import { SwitchField } from '../../components/switch-field.js';
import { useSiteSwitch } from '../../components/use-site-switch.js';
import { useSite } from '../../state/use-site.js';

/** The "Typing" card of the Settings page, for the site picked (or the only one). */
export function TypingPreviewSection() {
  const controls = useSite();
  const { site, sites } = controls;
  return (
    <section class="card" aria-labelledby="typing-title">
      <h2 class="card__title" id="typing-title">
        Typing
      </h2>
      {controls.loading && <p class="muted">Loading…</p>}
      {controls.error && (
        <p class="form-error" role="alert">
          {controls.error}
        </p>
      )}
      {site && (
        <>
          <SitePicker sites={sites} site={site} onSelect={controls.select} />
          <TypingPreviewSwitch site={site} onSaved={controls.replace} />
        </>
      )}
    </section>
  );
}

/** Saved as soon as it is switched. */
function TypingPreviewSwitch({ site, onSaved }: { site: Site; onSaved: (site: Site) => void }) {
  const { on, busy, error, change } = useSiteSwitch(site, 'typingPreview', onSaved);
  return (
    <div>
      <SwitchField
        label="Share typing preview"
        checked={on}
        busy={busy}
        onValue={(next) => void change(next)}
        hint="On: agents see what the visitor is typing before they send it (up to 200 characters), and the chat window tells the visitor so. Off: agents only see that the visitor is typing."
      />
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
