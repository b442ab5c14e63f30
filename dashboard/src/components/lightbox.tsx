// An image shown large over the page: a modal dialog named after the file. Escape, Close or a click beside the
// image closes it, and the focus goes back to what opened it (the thumbnail).
import { useEffect, useRef } from 'preact/hooks';
import { CloseIcon } from './icons.js';

interface Props {
  url: string;
  name: string;
  onClose: () => void;
}

export function Lightbox({ url, name, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const el = dialog.current;
    // Modal: the page behind is inert while it is open.
    if (el && !el.open && typeof el.showModal === 'function') el.showModal();
    return () => opener?.focus();
  }, []);

  return (
    <dialog
      ref={dialog}
      class="lightbox"
      aria-label={name}
      onCancel={(e) => {
        // Escape: closed by the page (which unmounts the dialog), not by the browser behind its back.
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        // The backdrop and the space around the picture belong to the dialog element itself.
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div class="lightbox__bar">
        <span class="lightbox__name">{name}</span>
        <a class="button button--small" href={url} download={name}>
          Download
        </a>
        <button type="button" class="icon-button lightbox__close" aria-label="Close" onClick={onClose}>
          <CloseIcon />
        </button>
      </div>
      <img class="lightbox__image" src={url} alt={name} />
    </dialog>
  );
}
