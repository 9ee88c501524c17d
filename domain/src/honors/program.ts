import { z } from 'zod';
import type { Checked, DomainIssue } from '../issues.js';
import { zodToDomainIssues } from '../calendar/zod-issues.js';
import { isCalendarDate, compareIsoDates } from '../calendar/dates.js';
import { eligibilityRuleSchema } from '../eligibility/rule.js';
import { decimalText, ledgerRuleCode, localText } from '../scheme/schema.js';
import { cycleIssue as issue } from '../cycles/issue.js';
import type { LedgerRule } from '../ledger/rule.js';
import { ledgerRuleBounds } from '../ledger/rule.js';
import { compareQuantities, isLedgerQuantity } from '../ledger/quantity.js';

const isoDate = z.string().refine(isCalendarDate, { message: 'expected a date YYYY-MM-DD' });

/** Zod schema of an HonorProgram (HR configures it per year and kind). Example: honorProgramSchema.parse(demoProgram) */
export const honorProgramSchema = z.strictObject({
  code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/),
  year: z.number().int().min(2000).max(2100),
  kind: z.enum(['employee', 'team']),
  name: localText,
  /** Who may be a candidate: engine predicates over the annual results and the employee record. */
  eligibility: z.strictObject({
    /** Annual grades that qualify (grade codes of the schemes, e.g. excellent, superior). Empty: any grade. */
    acceptedGrades: z.array(z.string().min(1).max(64)),
    /** Lowest annual total that qualifies. */
    minScore: decimalText.optional(),
    /** A written disciplinary decision in the program year disqualifies. */
    noDisciplinaryDecision: z.boolean(),
    /** The punishment rules of the ledger whose approved entries in the year are a written disciplinary decision (empty or absent: none is). */
    disciplinaryRuleCodes: z.array(ledgerRuleCode).max(50).optional(),
    /** Full months of service at the end of the program year. */
    minTenureMonths: z.number().int().min(0).max(600),
    /** Further conditions on the employee record (status, category, position level ...). */
    employees: eligibilityRuleSchema.optional(),
    /** Teams: fewest members and the lowest average annual total of the members. */
    team: z.strictObject({ minMembers: z.number().int().min(2).max(500), minAverageScore: decimalText.optional() }).optional(),
  }),
  /** How many honours: overall, per department (default and named exceptions). */
  quotas: z.strictObject({
    overall: z.number().int().min(1).max(10_000).optional(),
    perDepartment: z.number().int().min(0).max(1_000).optional(),
    departments: z.record(z.string(), z.number().int().min(0).max(1_000)).optional(),
  }),
  /** The committee and how it decides. */
  committee: z.strictObject({
    memberIds: z.array(z.string().min(1)).min(1),
    chairId: z.string().min(1),
    /** Members who must have voted on a candidate for a valid decision. */
    quorum: z.number().int().min(1),
    /** majorityOfMembers: approvals > half of all members; majorityOfVotesCast: approvals > half of the votes cast (abstentions count as cast). */
    decision: z.enum(['majorityOfMembers', 'majorityOfVotesCast']),
  }),
  nominationWindow: z.strictObject({ opens: isoDate, closes: isoDate }),
  votingWindow: z.strictObject({ opens: isoDate, closes: isoDate }),
  /** The ledger reward each award creates (per member for team honours); null: a title without money. */
  reward: z.strictObject({ ruleCode: ledgerRuleCode, amount: z.string().refine(isLedgerQuantity) }).nullable(),
  /** The honour's title printed on the announcement. */
  title: localText,
});

/** An annual excellent employee or team program. */
export type HonorProgram = z.infer<typeof honorProgramSchema>;

/**
 * Validates a program: its shape; windows in order and nominations closing before voting opens, both inside or
 * after the program year; the chair a member; a quorum no larger than the committee; the reward rule a known,
 * active money reward and the amount inside its range; team settings only for team programs.
 * Example: checkHonorProgram({ ...program, committee: { ...program.committee, quorum: 9 } }, catalog) -> { ok: false, issues: [{ code: 'honor_quorum_too_large', ... }] }
 */
export function checkHonorProgram(input: unknown, catalog: readonly LedgerRule[]): Checked<HonorProgram> {
  const parsed = honorProgramSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: zodToDomainIssues(parsed.error.issues) };
  const p = parsed.data;
  const issues: DomainIssue[] = [];
  for (const [name, w] of [['nominationWindow', p.nominationWindow], ['votingWindow', p.votingWindow]] as const) {
    if (compareIsoDates(w.opens, w.closes) > 0) issues.push(issue('honor_window_reversed', `${name} closes before it opens`, { opens: w.opens, closes: w.closes }, [name]));
  }
  if (compareIsoDates(p.nominationWindow.closes, p.votingWindow.opens) >= 0) issues.push(issue('honor_voting_before_nominations_close', 'voting opens after nominations close', { closes: p.nominationWindow.closes, opens: p.votingWindow.opens }, ['votingWindow', 'opens']));
  if (!p.committee.memberIds.includes(p.committee.chairId)) issues.push(issue('honor_chair_not_member', 'the chair is a member of the committee', {}, ['committee', 'chairId']));
  if (new Set(p.committee.memberIds).size !== p.committee.memberIds.length) issues.push(issue('honor_member_duplicate', 'a member is listed twice', {}, ['committee', 'memberIds']));
  if (p.committee.quorum > p.committee.memberIds.length) issues.push(issue('honor_quorum_too_large', `a quorum of ${p.committee.quorum} with ${p.committee.memberIds.length} members can never be reached`, { quorum: p.committee.quorum, members: p.committee.memberIds.length }, ['committee', 'quorum']));
  if (p.kind === 'team' && !p.eligibility.team) issues.push(issue('honor_team_settings', 'a team program states the fewest members of a team', {}, ['eligibility', 'team']));
  if (p.kind === 'employee' && p.eligibility.team) issues.push(issue('honor_team_settings', 'team settings belong to team programs', {}, ['eligibility', 'team']));
  for (const [i, code] of (p.eligibility.disciplinaryRuleCodes ?? []).entries()) {
    const rule = catalog.find((r) => r.code === code);
    if (!rule || rule.kind !== 'punishment') issues.push(issue('honor_discipline_rule', `the ledger has no punishment rule ${code}`, { code }, ['eligibility', 'disciplinaryRuleCodes', i]));
  }
  if (p.reward) {
    const rule = catalog.find((r) => r.code === p.reward?.ruleCode);
    const bounds = rule ? ledgerRuleBounds(rule) : undefined;
    if (!rule || !rule.active || rule.kind !== 'reward') issues.push(issue('honor_reward_rule', `the ledger has no active reward rule ${p.reward.ruleCode}`, { code: p.reward.ruleCode }, ['reward', 'ruleCode']));
    else if (bounds && (compareQuantities(p.reward.amount, bounds.min) < 0 || compareQuantities(p.reward.amount, bounds.max) > 0)) {
      issues.push(issue('ledger_amount_out_of_range', `${p.reward.amount} is outside the range of ${rule.code}`, { rule: rule.code, value: p.reward.amount, min: bounds.min, max: bounds.max }, ['reward', 'amount']));
    }
  }
  return issues.length ? { ok: false, issues } : { ok: true, value: p };
}
