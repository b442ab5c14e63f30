import { useLayoutEffect, useRef } from 'preact/hooks';
import { TextAreaField } from './text-area-field.js';
import { wrapSelection, type Format, type TextEdit } from './wrap-selection.js';

interface Props {
  label: string;
  /** Markdown source. */
  value: string;
  onValue: (value: string) => void;
  error?: string | null | undefined;
  rows?: number;
}

export const MARKDOWN_HINT =
  '**bold**, *italic*, [link](https://…), "- " starts a list item, ![description](https://…) shows an image.';

const BUTTONS: { format: Format; label: string; key: string }[] = [
  { format: 'bold', label: 'Bold', key: 'b' },
  { format: 'italic', label: 'Italic', key: 'i' },
  { format: 'link', label: 'Link', key: 'k' },
];

/** A textarea for the markdown subset, with Bold / Italic / Link buttons (and Ctrl+B / I / K) that wrap the selection. */
export function RichTextField({ label, value, onValue, error, rows = 3 }: Props) {
  const area = useRef<HTMLTextAreaElement>(null);
  const selectAfter = useRef<TextEdit | null>(null);

  // Put the selection where the formatting left it, once the new value is in the textarea.
  useLayoutEffect(() => {
    const edit = selectAfter.current;
    if (!edit || !area.current || area.current.value !== edit.value) return;
    selectAfter.current = null;
    area.current.focus();
    area.current.setSelectionRange(edit.selectionStart, edit.selectionEnd);
  });

  const apply = (format: Format) => {
    const el = area.current;
    if (!el) return;
    const edit = wrapSelection(el.value, el.selectionStart, el.selectionEnd, format);
    selectAfter.current = edit;
    onValue(edit.value);
  };

  const toolbar = (
    <div class="md-toolbar" role="group" aria-label={`Format ${label}`}>
      {BUTTONS.map((b) => (
        <button
          key={b.format}
          type="button"
          class="button button--small md-toolbar__button"
          onClick={() => apply(b.format)}
        >
          {b.label}
        </button>
      ))}
    </div>
  );

  return (
    <TextAreaField
      label={label}
      class="rich-field"
      hint={MARKDOWN_HINT}
      error={error}
      rows={rows}
      value={value}
      onValue={onValue}
      textareaRef={area}
      before={toolbar}
      onKeyDown={(e) => {
        if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
        const button = BUTTONS.find((b) => b.key === e.key.toLowerCase());
        if (!button) return;
        e.preventDefault();
        apply(button.format);
      }}
    />
  );
}
