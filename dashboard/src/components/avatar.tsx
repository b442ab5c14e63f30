interface Props {
  name: string;
  kind?: 'visitor' | 'agent' | 'system';
  /** The person's picture; their initials when they have none. */
  src?: string | null | undefined;
  large?: boolean;
}

export function initials(name: string): string {
  // Named only by their number (an SMS contact nobody has named yet): a handset, not "+0".
  if (/^[+\d][\d\s().-]*$/.test(name.trim())) return '☎';
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]!, parts[parts.length - 1]!] : parts;
  return letters.map((p) => [...p][0]!.toUpperCase()).join('') || '?';
}

/** Decorative: the name is always written next to it. */
export function Avatar({ name, kind = 'visitor', src, large = false }: Props) {
  const className = `avatar avatar--${kind}${large ? ' avatar--large' : ''}`;
  if (src) return <img class={`${className} avatar--picture`} src={src} alt="" aria-hidden="true" />;
  return (
    <span class={className} aria-hidden="true">
      {initials(name)}
    </span>
  );
}
