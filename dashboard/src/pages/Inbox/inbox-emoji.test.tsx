// The emoji panel of the reply box: a dialog with category tabs, search and recently used ones; picking inserts the
// native emoji at the caret; Escape closes it and gives the focus back.
import { RECENT_EMOJI_KEY } from '@livechat/shared/emoji';
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '../../test-utils/render.js';
import { setupApp } from '../../test-utils/app-setup.js';

beforeEach(() => localStorage.clear());

async function replyBox() {
  location.hash = '#/inbox/c-1';
  const app = setupApp();
  await app.connect();
  const box = await screen.findByRole<HTMLTextAreaElement>('textbox', { name: 'Reply' });
  return { ...app, box };
}

const emojiButton = () => screen.getByRole('button', { name: 'Emoji' });
async function openPanel() {
  fireEvent.click(emojiButton());
  return screen.findByRole('dialog', { name: 'Emoji' });
}
const tabNames = (panel: HTMLElement) =>
  within(panel)
    .getAllByRole('tab')
    .map((t) => t.getAttribute('aria-label'));

describe('Emoji in the reply box', () => {
  it('opens a dialog with category tabs and a search box, and inserts the picked emoji at the caret', async () => {
    const { box, sockets } = await replyBox();
    fireEvent.input(box, { target: { value: 'Hello world' } });
    box.setSelectionRange(5, 5);
    expect(emojiButton().getAttribute('aria-expanded')).toBe('false');

    const panel = await openPanel();
    expect(emojiButton().getAttribute('aria-expanded')).toBe('true');
    expect(tabNames(panel)).toEqual([
      'Smileys & emotion',
      'People & body',
      'Animals & nature',
      'Food & drink',
      'Travel & places',
      'Activities',
      'Objects',
      'Symbols',
      'Flags',
    ]);
    const search = within(panel).getByRole('searchbox', { name: 'Search emoji' });
    expect(document.activeElement).toBe(search);
    // The first category is shown; another tab shows its own.
    expect(within(panel).getByRole('tab', { selected: true }).getAttribute('aria-label')).toBe(
      'Smileys & emotion',
    );
    expect(within(panel).getByRole('tabpanel').textContent).toContain('😀');
    fireEvent.click(within(panel).getByRole('tab', { name: 'Animals & nature' }));
    expect(within(panel).getByRole('tabpanel').textContent).toContain('🐶');
    expect(within(panel).getByRole('tabpanel').textContent).not.toContain('😀');

    fireEvent.click(within(panel).getByRole('tab', { name: 'Smileys & emotion' }));
    fireEvent.click(within(panel).getByRole('button', { name: 'grinning face' }));
    expect(screen.queryByRole('dialog', { name: 'Emoji' })).toBeNull();
    expect(box.value).toBe('Hello😀 world');
    expect(document.activeElement).toBe(box);
    expect(box.selectionStart).toBe(7);
    // Nothing was sent: the emoji is part of the reply being written.
    expect(sockets.last.sentOfType('message.send')).toEqual([]);

    // A selection is replaced.
    box.setSelectionRange(8, 13);
    fireEvent.click(within(await openPanel()).getByRole('button', { name: 'grinning face' }));
    expect(box.value).toBe('Hello😀 😀');
  });

  it('finds emoji by name or keyword', async () => {
    await replyBox();
    const panel = await openPanel();
    const search = within(panel).getByRole('searchbox', { name: 'Search emoji' });
    fireEvent.input(search, { target: { value: 'thumbs' } });
    const results = within(panel).getByRole('group', { name: 'Search results' });
    expect(within(results).getAllByRole('button')[0]!.getAttribute('aria-label')).toBe('thumbs up');
    // The tabs give way to the results while searching.
    expect(within(panel).queryByRole('tablist')).toBeNull();
    fireEvent.input(search, { target: { value: 'zzzzqq' } });
    expect(within(panel).getByText('No emoji found.')).toBeTruthy();
    fireEvent.input(search, { target: { value: '' } });
    expect(within(panel).getByRole('tablist', { name: 'Emoji categories' })).toBeTruthy();
  });

  it('keeps recently used emoji first, across openings and in localStorage', async () => {
    const { box } = await replyBox();
    let panel = await openPanel();
    expect(tabNames(panel)).not.toContain('Recently used');
    fireEvent.click(within(panel).getByRole('tab', { name: 'Food & drink' }));
    fireEvent.click(within(panel).getByRole('button', { name: 'pizza' }));
    panel = await openPanel();
    fireEvent.input(within(panel).getByRole('searchbox'), { target: { value: 'red heart' } });
    fireEvent.click(within(panel).getAllByRole('button', { name: 'red heart' })[0]!);
    expect(box.value).toBe('🍕❤️');

    panel = await openPanel();
    expect(tabNames(panel)[0]).toBe('Recently used');
    const recent = within(panel).getByRole('tab', { selected: true });
    expect(recent.getAttribute('aria-label')).toBe('Recently used');
    expect(
      within(within(panel).getByRole('tabpanel'))
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['❤️', '🍕']);
    expect(JSON.parse(localStorage.getItem(RECENT_EMOJI_KEY)!)).toEqual(['❤️', '🍕']);
  });

  it('closes on Escape and on a click elsewhere; arrow keys move between tabs', async () => {
    const { box } = await replyBox();
    let panel = await openPanel();
    const first = within(panel).getByRole('tab', { selected: true });
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowRight' });
    const second = within(panel).getByRole('tab', { name: 'People & body' });
    expect(second.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(second);
    expect(second.getAttribute('tabindex')).toBe('0');
    expect(first.getAttribute('tabindex')).toBe('-1');
    fireEvent.keyDown(second, { key: 'ArrowLeft' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(within(panel).getByRole('tab', { selected: true }).getAttribute('aria-label')).toBe('Flags');

    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('dialog', { name: 'Emoji' })).toBeNull();
    expect(document.activeElement).toBe(emojiButton());

    panel = await openPanel();
    fireEvent.mouseDown(box);
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Emoji' })).toBeNull());
    expect(panel.isConnected).toBe(false);
    // The button toggles it too.
    await openPanel();
    fireEvent.click(emojiButton());
    expect(screen.queryByRole('dialog', { name: 'Emoji' })).toBeNull();
  });
});
