// The "Emoji" button of the reply box. The panel and its data load on the first click (a chunk of their own).
import type { FunctionComponent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { SmileIcon } from '../../components/icons.js';
import type { EmojiPicker as Picker } from './emoji-picker.js';

type PickerComponent = FunctionComponent<Parameters<typeof Picker>[0]>;

let loaded: Promise<PickerComponent> | undefined;
const loadPicker = (): Promise<PickerComponent> => {
  loaded ??= import('./emoji-picker.js').then((m) => m.EmojiPicker);
  // A failed load (offline after a deploy) may be tried again with the next click.
  loaded.catch(() => (loaded = undefined));
  return loaded;
};

interface Props {
  /** Inserts the emoji where the caret was, and takes the focus back to the text box. */
  onPick: (char: string) => void;
  disabled?: boolean;
}

export function EmojiButton({ onPick, disabled }: Props) {
  const [open, setOpen] = useState(false);
  const [picker, setPicker] = useState<PickerComponent | null>(null);
  const [error, setError] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const wrap = useRef<HTMLDivElement>(null);

  // A click elsewhere closes the panel, leaving the focus where the click put it.
  useEffect(() => {
    if (!open) return;
    const outside = (e: MouseEvent) => {
      if (!wrap.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);

  const toggle = () => {
    if (open) return setOpen(false);
    setError(null);
    setOpen(true);
    if (picker) return;
    loadPicker().then(
      (component) => setPicker(() => component),
      () => {
        setOpen(false);
        setError('The emoji could not be loaded. Check your connection and try again.');
      },
    );
  };

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const Panel = picker;
  return (
    <div class="emoji-button" ref={wrap}>
      <button
        ref={button}
        type="button"
        class="icon-button"
        aria-label="Emoji"
        title="Emoji"
        aria-haspopup="dialog"
        aria-expanded={open}
        disabled={disabled}
        onClick={toggle}
      >
        <SmileIcon />
      </button>
      {open && !Panel && (
        <p class="emoji emoji--loading" role="status">
          Loading emoji…
        </p>
      )}
      {open && Panel && (
        <Panel
          onClose={close}
          onPick={(char) => {
            setOpen(false);
            onPick(char);
          }}
        />
      )}
      {error && (
        <span class="form-error emoji-button__error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
