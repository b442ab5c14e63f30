// The contact behind an SMS address: found by the site and address, or created on first contact.
import { formatPhoneForDisplay, isE164 } from '@livechat/shared/sms';
import { isUniqueViolation, type Store, type Visitor } from '../store.js';
import { newId } from '../tokens.js';

/** A new contact is named by their number until someone learns their name. */
const nameOf = (address: string) => (isE164(address) ? formatPhoneForDisplay(address) : address);

export async function contactByAddress(
  store: Store,
  siteId: string,
  address: string,
  now: number,
): Promise<Visitor> {
  const found = await store.visitors.bySmsAddress(siteId, address);
  if (found) return found;
  const contact: Visitor = { id: newId(), siteId, name: nameOf(address), createdAt: now };
  try {
    await store.visitors.insertSmsContact(contact, address, isE164(address) ? address : null);
    return contact;
  } catch (error) {
    // The same number texted twice at once (or on two nodes): the first insert made the contact.
    if (!isUniqueViolation(error)) throw error;
    const winner = await store.visitors.bySmsAddress(siteId, address);
    if (!winner) throw error;
    return winner;
  }
}
