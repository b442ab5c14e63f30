// The emoji picker (issue 11): a compact dialog with categories, search and recently used; the emoji goes into the
// message at the caret; Escape closes the picker (not the chat) and gives the message box its focus back.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent } from '@testing-library/preact';
import { act } from 'preact/test-utils';
import { RECENT_EMOJI_KEY } from '@livechat/shared/emoji';
import { mountForTest } from './testing/mount.js';

type Mounted = ReturnType<typeof mountForTest>;

afterEach(() => {
  vi.restoreAllMocks();
});

async function openPicker(m: Mounted) {
  await act(() => {
    fireEvent.click(m.ui.getByRole('button', { name: 'Emoji' }));
  });
  return m.ui.findByRole('dialog', { name: 'Emoji' });
}

const click = (element: HTMLElement) =>
  act(() => {
    fireEvent.click(element);
  });

describe('emoji picker', () => {
  it('opens on "Emoji" with categories and puts the emoji at the caret', async () => {
    const m = mountForTest();
    const box = m.textbox() as HTMLTextAreaElement;
    await act(() => {
      fireEvent.input(box, { target: { value: 'hello' } });
    });
    box.setSelectionRange(2, 2);

    const picker = await openPicker(m);
    expect(m.ui.getByRole('button', { name: 'Emoji' }).getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(m.ui.getByRole('searchbox', { name: 'Search emoji' }));
    expect(m.ui.getByRole('button', { name: 'Smileys & emotion', pressed: true })).toBeTruthy();
    await click(m.ui.getByRole('button', { name: 'Animals & nature' }));
    expect(m.ui.getByRole('button', { name: 'Animals & nature', pressed: true })).toBeTruthy();
    expect(picker.textContent).toContain('🐶');

    await click(m.ui.getByRole('button', { name: 'Smileys & emotion' }));
    await click(m.ui.getByRole('button', { name: 'grinning face' }));
    expect(box.value).toBe('he😀llo');
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(box.selectionStart).toBe(2 + '😀'.length);
    // Still open for another one.
    expect(m.ui.getByRole('dialog', { name: 'Emoji' })).toBe(picker);
  });

  it('finds emoji by name and keyword', async () => {
    const m = mountForTest();
    await openPicker(m);
    await act(() => {
      fireEvent.input(m.ui.getByRole('searchbox', { name: 'Search emoji' }), { target: { value: 'thumbs' } });
    });
    expect(m.ui.getByRole('button', { name: 'thumbs up' })).toBeTruthy();
    await act(() => {
      fireEvent.input(m.ui.getByRole('searchbox', { name: 'Search emoji' }), { target: { value: 'zzzz' } });
    });
    expect(m.ui.getByText('No emoji found')).toBeTruthy();
  });

  it('remembers recently used emoji, first on the next opening', async () => {
    const m = mountForTest();
    await openPicker(m);
    await click(m.ui.getByRole('button', { name: 'red heart' }));
    expect(JSON.parse(localStorage.getItem(RECENT_EMOJI_KEY)!)).toEqual(['❤️']);
    await click(m.ui.getByRole('button', { name: 'Emoji' })); // closes
    expect(m.ui.queryByRole('dialog', { name: 'Emoji' })).toBeNull();
    await openPicker(m);
    expect(m.ui.getByRole('button', { name: 'Recently used', pressed: true })).toBeTruthy();
    expect(m.ui.getByRole('button', { name: 'red heart' })).toBeTruthy();
  });

  it('closes on Escape without closing the chat, and the message box has the focus again', async () => {
    const m = mountForTest();
    const picker = await openPicker(m);
    await act(() => {
      fireEvent.keyDown(m.ui.getByRole('searchbox', { name: 'Search emoji' }), { key: 'Escape' });
    });
    expect(picker.isConnected).toBe(false);
    expect(m.onClose).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(m.textbox());
  });
});
