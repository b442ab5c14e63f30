// The values of saved reply variables in one conversation: the agent's name, and the contact's details, asked of the
// server when a reply uses them (each time: the agent may have just typed them into the side panel).
import { variablesIn, variableValues, type VariableValues } from '@livechat/shared/saved-replies';
import { conversationsApi } from '../../api/index.js';

/** What `body` can be filled with; a contact unknown or unreadable leaves its values missing (the agent is asked). */
export function useReplyVariables(conversationId: string, agentName: string) {
  return async (body: string): Promise<VariableValues> => {
    const own = variableValues({ agentName });
    if (!variablesIn(body).some((n) => n.startsWith('contact.'))) return own;
    try {
      const d = await conversationsApi.details(conversationId);
      return { ...own, ...variableValues({ contactName: d.contactName, email: d.email, phone: d.phone }) };
    } catch {
      return own;
    }
  };
}
