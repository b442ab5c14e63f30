import { useEffect, useState } from 'preact/hooks';
import type { ChatSession, SessionState } from '../state/chat-session.js';

/** The session's current state; re-renders the caller whenever it changes. */
export function useSession(session: ChatSession): SessionState {
  const [state, setState] = useState(session.get);
  useEffect(() => {
    const unsubscribe = session.subscribe(() => setState(session.get()));
    setState(session.get()); // in case it changed between the first render and this effect
    return unsubscribe;
  }, [session]);
  return state;
}
