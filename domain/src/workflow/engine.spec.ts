import { describe, expect, it } from 'vitest';
import { availableActions, defineWorkflow, describeActions, isTerminalState, nextState, type WorkflowContext } from './engine.js';
import { allGuards, missingFact, requireText, requireTrue, requireZero } from './guards.js';

interface DoorContext extends WorkflowContext {
  hasKey?: boolean;
}
const door = defineWorkflow<'shut' | 'open' | 'locked' | 'gone', 'open' | 'close' | 'lock' | 'unlock' | 'remove', DoorContext>({
  name: 'door',
  states: ['shut', 'open', 'locked', 'gone'],
  initial: 'shut',
  transitions: [
    { from: 'shut', action: 'open', to: 'open' },
    { from: 'open', action: 'close', to: 'shut' },
    { from: 'shut', action: 'lock', to: 'locked', guard: requireTrue<DoorContext>('hasKey', 'door_no_key', 'you need the key') },
    { from: 'locked', action: 'unlock', to: 'shut', guard: requireTrue<DoorContext>('hasKey', 'door_no_key', 'you need the key') },
    { from: ['shut', 'open', 'locked'], action: 'remove', to: 'gone', roles: ['ADMIN'] },
  ],
});

describe('workflow engine', () => {
  it('derives actions and terminal states from the table', () => {
    expect(door.actions).toEqual(['open', 'close', 'lock', 'unlock', 'remove']);
    expect(door.terminal).toEqual(['gone']);
    expect(isTerminalState(door, 'gone')).toBe(true);
    expect(isTerminalState(door, 'shut')).toBe(false);
  });

  it('moves along legal transitions', () => {
    expect(nextState(door, 'shut', 'open', {})).toEqual({ ok: true, to: 'open' });
    expect(nextState(door, 'shut', 'lock', { hasKey: true })).toEqual({ ok: true, to: 'locked' });
  });

  it('reports unknown states, unknown actions and illegal transitions with distinct codes', () => {
    const unknownState = nextState(door, 'ajar', 'open', {});
    expect(unknownState.ok ? null : unknownState.issue).toMatchObject({ code: 'workflow_unknown_state', path: ['state'] });
    const unknownAction = nextState(door, 'shut', 'kick', {});
    expect(unknownAction.ok ? null : unknownAction.issue.code).toBe('workflow_unknown_action');
    const illegal = nextState(door, 'locked', 'open', {});
    expect(illegal.ok ? null : illegal.issue).toMatchObject({ code: 'workflow_illegal_transition', params: { from: 'locked', action: 'open' } });
  });

  it('denies by default on roles and missing facts', () => {
    const noRole = nextState(door, 'shut', 'remove', { roles: ['HR'] });
    expect(noRole.ok ? null : noRole.issue.code).toBe('workflow_forbidden');
    expect(nextState(door, 'shut', 'remove', {}).ok).toBe(false);
    expect(nextState(door, 'shut', 'remove', { roles: ['HR', 'ADMIN'] })).toEqual({ ok: true, to: 'gone' });
    const missing = nextState(door, 'shut', 'lock', {});
    expect(missing.ok ? null : missing.issue).toMatchObject({ code: 'workflow_fact_missing', params: { fact: 'hasKey' } });
    const guarded = nextState(door, 'shut', 'lock', { hasKey: false });
    expect(guarded.ok ? null : guarded.issue).toMatchObject({ code: 'door_no_key', message: 'door: cannot lock from shut: you need the key' });
  });

  it('lists available actions and explains unavailable ones', () => {
    expect(availableActions(door, 'shut', { hasKey: true })).toEqual(['open', 'lock']);
    expect(availableActions(door, 'shut', { roles: ['ADMIN'] })).toEqual(['open', 'remove']);
    expect(availableActions(door, 'gone', { roles: ['ADMIN'] })).toEqual([]);
    const described = describeActions(door, 'shut', {});
    expect(described.map((d) => [d.action, d.allowed, d.issue?.code])).toEqual([
      ['open', true, undefined],
      ['lock', false, 'workflow_fact_missing'],
      ['remove', false, 'workflow_forbidden'],
    ]);
  });

  it('rejects broken tables at definition time', () => {
    expect(() => defineWorkflow({ name: 'x', states: ['a'], initial: 'b' as 'a', transitions: [] })).toThrow(/initial state/);
    expect(() => defineWorkflow({ name: 'x', states: ['a', 'a'], initial: 'a', transitions: [] })).toThrow(/duplicate state/);
    expect(() =>
      defineWorkflow<'a' | 'b', 'go', WorkflowContext>({ name: 'x', states: ['a'] as ('a' | 'b')[], initial: 'a', transitions: [{ from: 'a', action: 'go', to: 'b' }] }),
    ).toThrow(/unknown state b/);
    expect(() =>
      defineWorkflow({
        name: 'x',
        states: ['a', 'b', 'c'],
        initial: 'a',
        transitions: [
          { from: 'a', action: 'go', to: 'b' },
          { from: ['b', 'a'], action: 'go', to: 'c' },
        ],
      }),
    ).toThrow(/two transitions for go from a/);
  });

  it('composes guards in order', () => {
    type C = { n?: number; note?: string };
    const g = allGuards<C>(requireZero<C>('n', 'nonzero', 'n must be zero'), requireText<C>('note', 'no_note', 'note needed'));
    expect(g({})).toEqual(missingFact('n'));
    expect(g({ n: 2 })).toMatchObject({ code: 'nonzero', params: { count: 2 } });
    expect(g({ n: 0, note: '  ' })).toMatchObject({ code: 'no_note' });
    expect(g({ n: 0, note: 'ok' })).toBeNull();
  });
});
