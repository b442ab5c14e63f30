import { vi } from 'vitest';
import { fireEvent } from '@testing-library/preact';
import { act } from 'preact/test-utils';

/** Types into the textbox and presses Enter, as a visitor would. */
export function typeAndEnter(textbox: HTMLElement, text: string, init: KeyboardEventInit = {}): void {
  void act(() => {
    fireEvent.input(textbox, { target: { value: text } });
  });
  void act(() => {
    fireEvent.keyDown(textbox, { key: 'Enter', ...init });
  });
}

/** The browser's preferred languages (navigator.languages) for one test; restored by vi.restoreAllMocks(). */
export function browserLanguages(languages: string[]): void {
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(languages);
}
