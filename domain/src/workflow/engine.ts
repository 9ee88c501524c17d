import type { RoleName } from '../policies/actor.js';
import type { DomainIssue } from '../issues.js';

/** Roles of the platform (DESIGN.md, Permissions); a transition may require one of them. */
export type WorkflowRole = RoleName;

/** What every workflow context carries: the acting user's roles. Tables extend it with the facts their guards read. */
export interface WorkflowContext {
  roles?: readonly WorkflowRole[];
}

/** Why a guard refuses a transition: a stable code and an English message (translated by the caller). */
export interface GuardFailure {
  code: string;
  message: string;
  params?: DomainIssue['params'];
}

/** A guard: null when the transition may happen, else the reason it may not. */
export type WorkflowGuard<C> = (ctx: C) => GuardFailure | null;

/** One row of a transition table as written. */
export interface TransitionSpec<S extends string, A extends string, C> {
  from: S | readonly S[];
  action: A;
  to: S;
  guard?: WorkflowGuard<C>;
  /** Any of these roles may take the action; omitted means no role check. */
  roles?: readonly WorkflowRole[];
}

/** A transition row after definition: `from` is always a list. */
export interface WorkflowTransition<S extends string, A extends string, C> {
  from: readonly S[];
  action: A;
  to: S;
  guard?: WorkflowGuard<C>;
  roles?: readonly WorkflowRole[];
}

/** A checked state machine: its states, actions, initial and terminal states, and transitions. */
export interface Workflow<S extends string, A extends string, C extends WorkflowContext> {
  name: string;
  states: readonly S[];
  actions: readonly A[];
  initial: S;
  /** States with no way out. */
  terminal: readonly S[];
  transitions: readonly WorkflowTransition<S, A, C>[];
}

/** The outcome of asking for a transition. */
export type WorkflowStep<S extends string> = { ok: true; to: S } | { ok: false; issue: DomainIssue };

/** An action's availability from a state, with the reason when it is not available (for disabled console buttons). */
export interface ActionAvailability<S extends string, A extends string> {
  action: A;
  to: S;
  allowed: boolean;
  issue?: DomainIssue;
}

/**
 * Builds a workflow from a transition table and checks the table itself: known states, one
 * transition per (state, action). A broken table is a programming error and throws at load time.
 * Example: defineWorkflow({ name: 'door', states: ['shut', 'open'], initial: 'shut', transitions: [{ from: 'shut', action: 'open', to: 'open' }] })
 */
export function defineWorkflow<S extends string, A extends string, C extends WorkflowContext>(spec: {
  name: string;
  states: readonly S[];
  initial: S;
  transitions: readonly TransitionSpec<S, A, C>[];
}): Workflow<S, A, C> {
  const states = new Set<string>(spec.states);
  const fail = (why: string): never => {
    throw new Error(`workflow ${spec.name}: ${why}`);
  };
  if (states.size !== spec.states.length) fail('duplicate state');
  if (!states.has(spec.initial)) fail(`initial state ${spec.initial} is not a state`);
  const seen = new Set<string>();
  const transitions = spec.transitions.map((t) => {
    const from: readonly S[] = typeof t.from === 'string' ? [t.from as S] : (t.from as readonly S[]);
    if (!states.has(t.to)) fail(`${t.action} goes to unknown state ${t.to}`);
    for (const f of from) {
      if (!states.has(f)) fail(`${t.action} leaves unknown state ${f}`);
      // Deterministic machines: one (state, action) pair leads to exactly one row.
      const key = `${f}\u0000${t.action}`;
      if (seen.has(key)) fail(`two transitions for ${t.action} from ${f}`);
      seen.add(key);
    }
    return { ...t, from };
  });
  const actions = [...new Set(transitions.map((t) => t.action))];
  const terminal = spec.states.filter((s) => !transitions.some((t) => t.from.includes(s)));
  return { name: spec.name, states: spec.states, actions, initial: spec.initial, terminal, transitions };
}

function check<S extends string, A extends string, C extends WorkflowContext>(
  wf: Workflow<S, A, C>,
  t: WorkflowTransition<S, A, C>,
  current: S,
  ctx: C,
): DomainIssue | null {
  if (t.roles && !t.roles.some((r) => ctx.roles?.includes(r))) {
    return {
      path: ['action'],
      code: 'workflow_forbidden',
      message: `${wf.name}: ${t.action} needs one of the roles ${t.roles.join(', ')}`,
      params: { workflow: wf.name, action: t.action, from: current, roles: t.roles.join(',') },
    };
  }
  const failure = t.guard?.(ctx) ?? null;
  if (failure) {
    return {
      path: ['action'],
      code: failure.code,
      message: `${wf.name}: cannot ${t.action} from ${current}: ${failure.message}`,
      params: { workflow: wf.name, action: t.action, from: current, ...failure.params },
    };
  }
  return null;
}

/**
 * Where an action leads from the current state, or why it may not be taken (unknown state, illegal
 * transition, missing role, failed guard). States and actions are strings as stored, checked here.
 * Example: nextState(cycleWorkflow, 'draft', 'open', { roles: ['HR'], participantCount: 12 }) -> { ok: true, to: 'open' }
 */
export function nextState<S extends string, A extends string, C extends WorkflowContext>(
  wf: Workflow<S, A, C>,
  current: string,
  action: string,
  ctx: C,
): WorkflowStep<S> {
  if (!(wf.states as readonly string[]).includes(current)) {
    return {
      ok: false,
      issue: { path: ['state'], code: 'workflow_unknown_state', message: `${wf.name}: unknown state ${current}`, params: { workflow: wf.name, state: current } },
    };
  }
  const t = wf.transitions.find((x) => x.action === action && (x.from as readonly string[]).includes(current));
  if (!t) {
    const known = (wf.actions as readonly string[]).includes(action);
    return {
      ok: false,
      issue: {
        path: ['action'],
        code: known ? 'workflow_illegal_transition' : 'workflow_unknown_action',
        message: known ? `${wf.name}: cannot ${action} from ${current}` : `${wf.name}: unknown action ${action}`,
        params: { workflow: wf.name, action, from: current },
      },
    };
  }
  const issue = check(wf, t, current as S, ctx);
  return issue ? { ok: false, issue } : { ok: true, to: t.to };
}

/** Every action leaving a state, each with whether it is allowed now and why not. Example: describeActions(appealWorkflow, 'filed', ctx) -> [{ action: 'start_review', to: 'under_review', allowed: true }, ...] */
export function describeActions<S extends string, A extends string, C extends WorkflowContext>(
  wf: Workflow<S, A, C>,
  current: string,
  ctx: C,
): ActionAvailability<S, A>[] {
  return wf.transitions
    .filter((t) => (t.from as readonly string[]).includes(current))
    .map((t) => {
      const issue = check(wf, t, current as S, ctx);
      return issue ? { action: t.action, to: t.to, allowed: false, issue } : { action: t.action, to: t.to, allowed: true };
    });
}

/** The actions the actor may take now from a state (roles and guards pass), in table order. Example: availableActions(policyVersionWorkflow, 'draft', { roles: ['HR'] }) -> ['submit_for_review'] */
export function availableActions<S extends string, A extends string, C extends WorkflowContext>(
  wf: Workflow<S, A, C>,
  current: string,
  ctx: C,
): A[] {
  return describeActions(wf, current, ctx)
    .filter((a) => a.allowed)
    .map((a) => a.action);
}

/** True when no action leaves the state. Example: isTerminalState(ledgerEntryWorkflow, 'reversed') -> true */
export function isTerminalState<S extends string, A extends string, C extends WorkflowContext>(wf: Workflow<S, A, C>, state: string): boolean {
  return (wf.terminal as readonly string[]).includes(state);
}
