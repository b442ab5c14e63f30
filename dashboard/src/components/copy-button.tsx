import { useEffect, useState } from 'preact/hooks';

interface Props {
  text: string;
  label: string;
  class?: string;
}

const SHOW_COPIED_MS = 2000;

/** Copies `text` to the clipboard and says "Copied" for a moment. Without clipboard access it says how to copy. */
export function CopyButton({ text, label, class: className = 'button' }: Props) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), SHOW_COPIED_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      // Missing outside secure contexts (plain http on anything but localhost).
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };

  return (
    <>
      <button type="button" class={className} onClick={() => void copy()}>
        {state === 'copied' ? 'Copied' : label}
      </button>
      {state === 'failed' && <span class="muted">Copying is blocked here: select the text and copy it.</span>}
    </>
  );
}
