// Step ids link saved answers to their question, so they only need to be unique within one playbook.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
const LENGTH = 8;

/** A short random id ("k3v9qz2m"): short, because the offline flow's capture steps append "-organization" to it. */
export function newStepId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(LENGTH));
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
}
