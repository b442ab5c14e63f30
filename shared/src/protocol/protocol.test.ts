// Golden fixtures: frames of protocol v1 that must keep parsing. Changes must be additive.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import visitorClient from './fixtures/visitor-client.json';
import agentClient from './fixtures/agent-client.json';
import server from './fixtures/server.json';
import {
  AgentClientFrameSchema,
  AgentServerFrameSchema,
  VisitorClientFrameSchema,
  VisitorServerFrameSchema,
} from './index.js';
import { ERROR_CATALOGUE } from './errors.js';
import { CloseCode, ErrorCode, FATAL_CLOSE_CODES } from './constants.js';

describe('golden frames of protocol v1', () => {
  it.each(visitorClient.map((f) => [f.type, f]))('visitor -> server %s parses', (_t, frame) => {
    expect(VisitorClientFrameSchema.parse(frame)).toEqual(frame);
  });
  it.each(agentClient.map((f) => [f.type, f]))('agent -> server %s parses', (_t, frame) => {
    expect(AgentClientFrameSchema.parse(frame)).toEqual(frame);
  });
  it.each(server.visitor.map((f) => [f.type, f]))('server -> visitor %s parses', (_t, frame) => {
    expect(VisitorServerFrameSchema.parse(frame)).toEqual(frame);
  });
  it.each(server.agent.map((f) => [f.type, f]))('server -> agent %s parses', (_t, frame) => {
    // Fields added since a fixture was written may be filled with their defaults; nothing of the fixture is lost.
    expect(AgentServerFrameSchema.parse(frame)).toMatchObject(frame);
  });
});

describe('client frame validation', () => {
  it('rejects wrong types, bad ids and empty or oversized bodies', () => {
    const bad = [
      { type: 'message.send', id: 'short', body: 'x' },
      { type: 'message.send', id: 'has spaces in it', body: 'x' },
      { type: 'message.send', id: 'abcdefgh', body: '  ' },
      { type: 'message.send', id: 'abcdefgh', body: 'x'.repeat(4001) },
      { type: 'message.send', id: 'abcdefgh', body: 7 },
      { type: 'hello', v: '1' },
      { type: 'hello', v: 1, resume: { conversationId: 'c', afterSeq: -1 } },
      { type: 'hello', v: 1, resume: { conversationId: 'c', afterSeq: 1.5 } },
      { type: 'conversation.watch', id: 'abcdefgh', conversationId: 'c' },
    ];
    for (const frame of bad) {
      expect(
        VisitorClientFrameSchema.safeParse(frame).success && AgentClientFrameSchema.safeParse(frame).success,
      ).toBe(false);
    }
  });

  it('never throws on arbitrary JSON, and strips unknown keys such as __proto__', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = VisitorClientFrameSchema.safeParse(value);
        if (result.success)
          expect(
            Object.keys(result.data).every((k) => ['type', 'id', 'body', 'v', 'token', 'resume'].includes(k)),
          ).toBe(true);
      }),
    );
    const parsed = VisitorClientFrameSchema.parse(JSON.parse('{"type":"ping","__proto__":{"x":1}}'));
    expect(Object.keys(parsed)).toEqual(['type']);
  });
});

describe('catalogues', () => {
  it('gives every error code an HTTP status and a description', () => {
    for (const code of Object.values(ErrorCode)) {
      expect(ERROR_CATALOGUE[code].status).toBeGreaterThanOrEqual(400);
      expect(ERROR_CATALOGUE[code].description.length).toBeGreaterThan(10);
    }
  });
  it('keeps close codes unique and fatal codes in our 4xxx range', () => {
    const codes = Object.values(CloseCode);
    expect(new Set(codes).size).toBe(codes.length);
    expect(FATAL_CLOSE_CODES.every((c) => c >= 4000 && c < 5000)).toBe(true);
  });
});
