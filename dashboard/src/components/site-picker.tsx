import type { Site } from '@livechat/shared/model';
import { SelectField } from './select-field.js';

interface Props {
  sites: readonly Site[];
  site: Site;
  onSelect: (id: string) => void;
}

/** Shown only when the install has more than one site. */
export function SitePicker({ sites, site, onSelect }: Props) {
  if (sites.length < 2) return null;
  return (
    <SelectField
      class="site-picker"
      label="Site"
      value={site.id}
      options={sites.map((s) => ({ value: s.id, label: s.name }))}
      onValue={onSelect}
    />
  );
}
