import type { Webhook } from '@livechat/shared/api';
import { webhooksApi, type WebhookInput } from '../../api/index.js';
import { useList } from '../../components/use-list.js';

const byCreation = (a: Webhook, b: Webhook) => a.createdAt - b.createdAt;

/** The registered webhooks, oldest first; changes throw the server's refusal to the caller. */
export function useWebhooks() {
  const { items, loading, loadError, put, drop } = useList(() => webhooksApi.list(), byCreation);
  return {
    webhooks: items,
    loading,
    loadError,
    /** Resolves to the signing secret, which the server shows this once. */
    create: async (input: WebhookInput) => {
      const { webhook, secret } = await webhooksApi.create(input);
      put(webhook);
      return { webhook, secret };
    },
    setActive: async (id: string, active: boolean) => put(await webhooksApi.update(id, { active })),
    remove: async (id: string) => {
      await webhooksApi.remove(id);
      drop(id);
    },
  };
}
