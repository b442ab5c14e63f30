import { useEffect, useState } from 'preact/hooks';

/** What the search box holds, and the same text once typing has paused (what is sent to the server). */
export function useSearchQuery(delayMs = 250) {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed === query) return;
    const timer = setTimeout(() => setQuery(trimmed), delayMs);
    return () => clearTimeout(timer);
  }, [text, query, delayMs]);
  return { text, setText, query };
}
