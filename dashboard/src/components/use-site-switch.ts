import type { Site } from '@livechat/shared/model';
import { useState } from 'preact/hooks';
import { errorMessage, sitesApi } from '../api/index.js';

/** A site's on/off settings that save as soon as they are switched. */
export type SiteSwitch = 'allowReopen' | 'botFolderForAgents' | 'typingPreview';

/**
 * One of the site's on/off settings, saved as soon as it is switched: what was clicked shows while it saves (the
 * control would otherwise jump back until the answer), and a refusal shows in words with the stored value.
 */
export function useSiteSwitch(site: Site, key: SiteSwitch, onSaved: (site: Site) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<boolean | null>(null);
  const change = async (on: boolean) => {
    setBusy(true);
    setShown(on);
    setError(null);
    try {
      onSaved(await sitesApi.update(site.id, { [key]: on }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setShown(null);
      setBusy(false);
    }
  };
  return { on: shown ?? site[key], busy, error, change };
}
