import { describe, expect, it } from 'vitest';
import { wrapSelection } from './wrap-selection.js';

describe('wrapSelection', () => {
  it('wraps the selected words and keeps them selected', () => {
    const edit = wrapSelection('say hello now', 4, 9, 'bold');
    expect(edit.value).toBe('say **hello** now');
    expect(edit.value.slice(edit.selectionStart, edit.selectionEnd)).toBe('hello');
    expect(wrapSelection('a b', 2, 3, 'italic').value).toBe('a *b*');
  });

  it('inserts a placeholder when nothing is selected', () => {
    const edit = wrapSelection('x', 1, 1, 'bold');
    expect(edit.value).toBe('x**bold text**');
    expect(edit.value.slice(edit.selectionStart, edit.selectionEnd)).toBe('bold text');
  });

  it('makes a link and selects its address', () => {
    const edit = wrapSelection('see docs', 4, 8, 'link');
    expect(edit.value).toBe('see [docs](https://)');
    expect(edit.value.slice(edit.selectionStart, edit.selectionEnd)).toBe('https://');
  });
});
