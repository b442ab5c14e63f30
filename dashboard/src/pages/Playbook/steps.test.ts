import { describe, expect, it } from 'vitest';
import { addStep, canAddStep, canMove, moveStep, newStep } from './steps.js';
import type { StepDraft } from './draft.js';

const kinds = (steps: StepDraft[]) => steps.map((s) => s.kind);

describe('step list', () => {
  it('keeps the Live Chat card last when steps are added, and allows only one', () => {
    let steps = addStep([], newStep('live_chat'));
    steps = addStep(steps, newStep('message'));
    steps = addStep(steps, newStep('question'));
    expect(kinds(steps)).toEqual(['message', 'question', 'live_chat']);
    expect(canAddStep(steps, 'live_chat')).toBe(false);
    expect(canAddStep(steps, 'message')).toBe(true);
  });

  it('moves steps but never the card, nor a step past it', () => {
    const steps = [newStep('message'), newStep('question'), newStep('live_chat')];
    expect(canMove(steps, 0, -1)).toBe(false);
    expect(canMove(steps, 1, 1)).toBe(false);
    expect(canMove(steps, 2, -1)).toBe(false);
    expect(kinds(moveStep(steps, 0, 1))).toEqual(['question', 'message', 'live_chat']);
    expect(moveStep(steps, 1, 1).map((s) => s.id)).toEqual(steps.map((s) => s.id));
  });

  it('gives new steps short distinct ids the schema accepts', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newStep('message').id));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]{8}$/);
  });
});
