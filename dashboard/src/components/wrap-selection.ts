// Toolbar formatting for the markdown textareas: wrap the selection, then select what the admin types next.

export type Format = 'bold' | 'italic' | 'link';

export interface TextEdit {
  value: string;
  selectionStart: number;
  selectionEnd: number;
}

const MARKS: Record<Format, [string, string]> = {
  bold: ['**', '**'],
  italic: ['*', '*'],
  link: ['[', '](https://)'],
};

const PLACEHOLDER: Record<Format, string> = { bold: 'bold text', italic: 'italic text', link: 'link text' };

/** Bold and italic select the wrapped text; a link selects its "https://" to type the address over. */
export function wrapSelection(value: string, start: number, end: number, format: Format): TextEdit {
  const [before, after] = MARKS[format];
  const selected = value.slice(start, end) || PLACEHOLDER[format];
  const next = value.slice(0, start) + before + selected + after + value.slice(end);
  const innerStart = start + before.length;
  if (format === 'link') {
    const urlStart = innerStart + selected.length + 2; // past "]("
    return { value: next, selectionStart: urlStart, selectionEnd: urlStart + 'https://'.length };
  }
  return { value: next, selectionStart: innerStart, selectionEnd: innerStart + selected.length };
}
