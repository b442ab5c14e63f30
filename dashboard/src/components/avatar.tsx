interface Props {
  name: string;
  kind?: 'visitor' | 'agent' | 'system';
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]!, parts[parts.length - 1]!] : parts;
  return letters.map((p) => [...p][0]!.toUpperCase()).join('') || '?';
}

export function Avatar({ name, kind = 'visitor' }: Props) {
  return (
    <span class={`avatar avatar--${kind}`} aria-hidden="true">
      {initials(name)}
    </span>
  );
}
