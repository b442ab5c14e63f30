// One of a site's on/off settings as a switch, saved as soon as it is switched (useSiteSwitch), with a refusal in
// words below it.
import type { Site } from '@livechat/shared/model';
import { SwitchField } from './switch-field.js';
import { useSiteSwitch, type SiteSwitch } from './use-site-switch.js';

interface Props {
  site: Site;
  setting: SiteSwitch;
  label: string;
  hint: string;
  onSaved: (site: Site) => void;
  class?: string;
}

export function SiteSwitchField({ site, setting, label, hint, onSaved, class: className }: Props) {
  const { on, busy, error, change } = useSiteSwitch(site, setting, onSaved);
  return (
    <div class={className}>
      <SwitchField label={label} checked={on} busy={busy} onValue={(next) => void change(next)} hint={hint} />
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
