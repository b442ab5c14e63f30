// What a screen reader hears as a control's error: the message its aria-describedby points at, when it is invalid.

/** The control's error message, or null when it is not marked invalid. */
export function fieldError(control: HTMLElement): string | null {
  if (control.getAttribute('aria-invalid') !== 'true') return null;
  const ids = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  const error = ids
    .map((id) => document.getElementById(id))
    .find((el) => el?.classList.contains('field__error'));
  return error?.textContent ?? null;
}
