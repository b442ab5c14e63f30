// A stand-in for navigator.clipboard (absent or permission-gated in test DOMs); put back after each test.
import { afterEach, vi } from 'vitest';

const original = Object.getOwnPropertyDescriptor(navigator, 'clipboard');

afterEach(() => {
  if (original) Object.defineProperty(navigator, 'clipboard', original);
  else delete (navigator as { clipboard?: unknown }).clipboard;
});

/** `available: false` is a page without clipboard access (plain http anywhere but localhost). */
export function mockClipboard({ available = true } = {}) {
  const writeText = vi.fn((_text: string) => Promise.resolve());
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: available ? { writeText } : undefined,
  });
  return { writeText };
}
