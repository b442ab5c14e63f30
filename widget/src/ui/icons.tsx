// Inline SVG icons (decorative: the buttons carry the accessible names). Line icons share one outline style (the
// media chunks draw theirs with it too).
export const LineIcon = ({ d }: { d: string }) => (
  <svg
    width="20"
    height="20"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    stroke-width="2"
    stroke-linecap="round"
    stroke-linejoin="round"
    aria-hidden="true"
  >
    <path d={d} />
  </svg>
);

export const CloseIcon = () => <LineIcon d="M6 6l12 12M18 6L6 18" />;

export const AttachIcon = () => (
  <LineIcon d="M21 11l-9 9a6 6 0 0 1-8-8l9-9a4 4 0 0 1 6 6l-9 9a2 2 0 0 1-3-3l8-8" />
);

export const MicIcon = () => (
  <LineIcon d="M12 2a3 3 0 0 0-3 3v7a3 3 0 0 0 6 0V5a3 3 0 0 0-3-3zM19 10v2a7 7 0 0 1-14 0v-2M12 19v3" />
);

export const EmojiIcon = () => (
  <LineIcon d="M22 12a10 10 0 0 1-20 0 10 10 0 0 1 20 0zM8 14a5 5 0 0 0 8 0M9 9h0M15 9h0" />
);

/** A paper plane: filled, its corners rounded by a stroke of the same colour. */
export const SendIcon = () => (
  <svg
    width="20"
    height="20"
    viewBox="0 0 24 24"
    fill="currentColor"
    stroke="currentColor"
    stroke-width="2"
    stroke-linejoin="round"
    aria-hidden="true"
  >
    <path d="M4.5 19l15-7-15-7 1.5 7z" />
  </svg>
);
