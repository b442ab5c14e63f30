/** A random command id (128 bits, hex): the idempotency key the server dedupes resends by. */
export function createClientId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let id = '';
  for (const b of bytes) id += b.toString(16).padStart(2, '0');
  return id;
}
