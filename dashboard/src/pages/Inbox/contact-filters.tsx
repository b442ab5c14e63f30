// Tag, Attribute and Attribute value: the list's filters by CRM data (a tag of the conversation or of its contact; a
// contact attribute's name, ignoring case, and its exact value). Typed text applies once typing pauses.
import { useEffect, useRef, useState } from 'preact/hooks';
import { TextField } from '../../components/text-field.js';
import type { ListFilters } from '../../state/list-filters.js';
import { SEARCH_DELAY_MS } from './search-delay.js';

type TextKey = 'tag' | 'attribute' | 'attributeValue';

interface Props {
  filters: ListFilters;
  onFilters: (patch: Partial<ListFilters>) => void;
}

/** A text filter that follows the list's value (cleared elsewhere) and applies what is typed after a pause. */
function DelayedField({
  filters,
  onFilters,
  name,
  label,
  maxLength,
}: Props & { name: TextKey; label: string; maxLength: number }) {
  const applied = filters[name];
  const [text, setText] = useState(applied);
  // What this field last applied: any other value came from elsewhere ("Clear filters", a link), and the box follows.
  const sent = useRef(applied);
  useEffect(() => {
    if (applied !== sent.current) setText(applied);
    sent.current = applied;
  }, [applied]);
  const latest = useRef({ applied, onFilters });
  latest.current = { applied, onFilters };
  useEffect(() => {
    if (text === latest.current.applied) return;
    const timer = setTimeout(() => {
      sent.current = text;
      latest.current.onFilters({ [name]: text });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return (
    <TextField class="field--compact" label={label} value={text} maxLength={maxLength} onValue={setText} />
  );
}

export function ContactFilters(props: Props) {
  return (
    <>
      <DelayedField {...props} name="tag" label="Tag" maxLength={32} />
      <DelayedField {...props} name="attribute" label="Attribute" maxLength={40} />
      <DelayedField {...props} name="attributeValue" label="Attribute value" maxLength={500} />
    </>
  );
}
