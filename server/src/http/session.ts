// Agent authentication for HTTP routes: the session cookie, and guards for signed-in agents and admins.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Agent } from '@livechat/shared/model';
import { ErrorCode } from '@livechat/shared/protocol/constants';
import type { Domain } from '../domain/index.js';
import { DomainError } from '../domain/index.js';

export const SESSION_COOKIE = 'lc_session';

export function sessionCookieOptions(publicUrl: string, expiresAt?: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: publicUrl.startsWith('https:'),
    ...(expiresAt ? { expires: new Date(expiresAt) } : {}),
  };
}

export function sessionToken(request: FastifyRequest): string | undefined {
  return request.cookies[SESSION_COOKIE];
}

/** Guards as preHandlers. On success `request.agent` is set. */
export function guards(domain: Domain) {
  const requireAgent = async (request: FastifyRequest, _reply: FastifyReply) => {
    const agent = await domain.auth.authenticate(sessionToken(request));
    if (!agent) throw new DomainError(ErrorCode.Unauthorized, 'Sign in first.');
    request.agent = agent;
  };
  const requireAdmin = async (request: FastifyRequest, reply: FastifyReply) => {
    await requireAgent(request, reply);
    if (request.agent?.role !== 'admin')
      throw new DomainError(ErrorCode.Forbidden, 'Only admins can do this.');
  };
  return { requireAgent, requireAdmin };
}

/** The signed-in agent inside a guarded handler. */
export function currentAgent(request: FastifyRequest): Agent {
  if (!request.agent) throw new DomainError(ErrorCode.Unauthorized, 'Sign in first.');
  return request.agent;
}

declare module 'fastify' {
  interface FastifyRequest {
    agent: Agent | null;
  }
}
