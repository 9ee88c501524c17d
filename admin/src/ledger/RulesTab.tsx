import type { LedgerRule } from '@appraisal/domain';
import { Alert, Button, Checkbox, Chip, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, IconButton, LinearProgress, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { useRoles } from '../auth/useRoles';
import { LoadErrorState } from '../common/LoadError';
import { errorMessage } from '../cycles/common';
import { useCycleApi, useLoad, useLocale } from '../cycles/useCycleApi';
import { ledgerOps, type RuleRow } from './api';
import { formatQuantity, ruleName, useRangeText } from './common';

type Cap = LedgerRule['caps'][number];

/** The form's state of a rule: the LedgerRule document with the amount split into its fields. */
interface Draft {
  code: string;
  nameEn: string;
  nameZh: string;
  kind: 'reward' | 'punishment';
  unit: 'points' | 'money' | 'hours';
  amountKind: 'fixed' | 'range';
  value: string;
  min: string;
  max: string;
  minExclusive: boolean;
  perOccurrence: boolean;
  hourRate: string;
  caps: Cap[];
  settlement: 'payroll' | 'appraisal' | 'record';
  accountingMonth: string;
  policyCode: string;
  clauseEn: string;
  clauseZh: string;
  component: string;
  program: string;
  active: boolean;
}

const EMPTY: Draft = {
  code: '',
  nameEn: '',
  nameZh: '',
  kind: 'reward',
  unit: 'points',
  amountKind: 'range',
  value: '',
  min: '',
  max: '',
  minExclusive: false,
  perOccurrence: false,
  hourRate: '',
  caps: [],
  settlement: 'appraisal',
  accountingMonth: '',
  policyCode: '',
  clauseEn: '',
  clauseZh: '',
  component: '',
  program: '',
  active: true,
};

const draftOf = (r: RuleRow): Draft => {
  const d = r.document;
  return {
    ...EMPTY,
    code: d.code,
    nameEn: d.name.en,
    nameZh: d.name.zh,
    kind: d.kind,
    unit: d.unit,
    amountKind: d.amount.kind === 'fixed' ? 'fixed' : 'range',
    value: d.amount.kind === 'fixed' ? d.amount.value : '',
    min: d.amount.kind === 'range' ? d.amount.min : '',
    max: d.amount.kind === 'range' ? d.amount.max : '',
    minExclusive: d.amount.kind === 'range' ? Boolean(d.amount.minExclusive) : false,
    perOccurrence: d.perOccurrence,
    hourRate: d.hourRate ?? '',
    caps: d.caps,
    settlement: d.settlement,
    accountingMonth: d.accountingMonth ?? '',
    policyCode: d.regulation?.policyCode ?? '',
    clauseEn: d.regulation?.clause.en ?? '',
    clauseZh: d.regulation?.clause.zh ?? '',
    component: d.component ?? '',
    program: d.program ?? '',
    active: d.active,
  };
};

/** The document the API validates (checkLedgerRule): a multiple or computed amount of an existing rule is kept as it was. */
const documentOf = (draft: Draft, original?: RuleRow): LedgerRule => {
  const keepAmount = original && (original.document.amount.kind === 'multiple' || original.document.amount.kind === 'computed');
  const amount: LedgerRule['amount'] = keepAmount
    ? original.document.amount
    : draft.amountKind === 'fixed'
      ? { kind: 'fixed', value: draft.value.trim() }
      : { kind: 'range', min: draft.min.trim(), max: draft.max.trim(), ...(draft.minExclusive ? { minExclusive: true } : {}) };
  return {
    code: draft.code.trim(),
    name: { en: draft.nameEn.trim(), zh: draft.nameZh.trim() },
    kind: draft.kind,
    unit: draft.unit,
    amount,
    perOccurrence: draft.perOccurrence,
    ...(draft.hourRate.trim() ? { hourRate: draft.hourRate.trim() } : {}),
    caps: draft.caps.map((c) => ({ period: c.period, ...(c.maxAmount ? { maxAmount: c.maxAmount } : {}), ...(c.maxCount ? { maxCount: c.maxCount } : {}) })),
    settlement: draft.settlement,
    ...(draft.accountingMonth ? { accountingMonth: draft.accountingMonth } : {}),
    ...(draft.policyCode ? { regulation: { policyCode: draft.policyCode, clause: { en: draft.clauseEn.trim(), zh: draft.clauseZh.trim() } } } : {}),
    ...(draft.component.trim() ? { component: draft.component.trim() } : {}),
    ...(draft.program.trim() ? { program: draft.program.trim() } : {}),
    active: draft.active,
  };
};

/** Creating or changing a catalog rule: kind, unit, a fixed amount or a range, caps, the governing policy and its clause. */
const RuleDialog = ({ rule, onClose, onSaved }: { rule: RuleRow | 'new'; onClose: () => void; onSaved: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const api = useCycleApi();
  const original = rule === 'new' ? undefined : rule;
  const [draft, setDraft] = useState<Draft>(original ? draftOf(original) : EMPTY);
  const [error, setError] = useState<string | null>(null);
  const policies = useLoad((a) => ledgerOps.policies(a), []);
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const fixedAmountKind = original && (original.document.amount.kind === 'multiple' || original.document.amount.kind === 'computed');
  const save = async () => {
    setError(null);
    try {
      await ledgerOps.saveRule(api, documentOf(draft, original), original?.id, original?.version);
      notify('app.ledger.rule_saved', { type: 'success' });
      onSaved();
    } catch (e) {
      setError(translate(errorMessage(e)));
    }
  };
  const choice = (label: string, value: string, options: string[], prefix: string, onChange: (v: string) => void, testId?: string) => (
    <TextField select size="small" label={translate(label)} value={value} onChange={(e) => onChange(e.target.value)} sx={{ width: 220 }} slotProps={{ htmlInput: testId ? { 'data-testid': testId } : {} }}>
      {options.map((o) => (
        <MenuItem key={o} value={o}>
          {translate(`${prefix}.${o}`)}
        </MenuItem>
      ))}
    </TextField>
  );
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" data-testid="rule-dialog">
      <DialogTitle>{translate(original ? 'app.ledger.edit_rule' : 'app.ledger.new_rule')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <Stack direction="row" spacing={2}>
            <TextField size="small" label={translate('app.ledger.code')} value={draft.code} disabled={Boolean(original)} onChange={(e) => set({ code: e.target.value })} inputProps={{ 'data-testid': 'rule-code' }} />
            <TextField size="small" label={translate('app.ledger.name_en')} value={draft.nameEn} onChange={(e) => set({ nameEn: e.target.value })} sx={{ flex: 1 }} inputProps={{ 'data-testid': 'rule-name-en' }} />
            <TextField size="small" label={translate('app.ledger.name_zh')} value={draft.nameZh} onChange={(e) => set({ nameZh: e.target.value })} sx={{ flex: 1 }} inputProps={{ 'data-testid': 'rule-name-zh' }} />
          </Stack>
          <Stack direction="row" spacing={2}>
            {choice('app.ledger.kind_label', draft.kind, ['reward', 'punishment'], 'app.ledger.kind', (v) => set({ kind: v as Draft['kind'] }), 'rule-kind')}
            {choice('app.ledger.unit_label', draft.unit, ['points', 'money', 'hours'], 'app.ledger.unit', (v) => set({ unit: v as Draft['unit'] }), 'rule-unit')}
            {choice('app.ledger.settlement_label', draft.settlement, ['payroll', 'appraisal', 'record'], 'app.ledger.settlement', (v) => set({ settlement: v as Draft['settlement'] }), 'rule-settlement')}
          </Stack>
          {fixedAmountKind ? (
            <Typography variant="body2">
              {translate('app.ledger.amount_kind_label')}: {translate(`app.ledger.amount_kind.${original.document.amount.kind}`)}
            </Typography>
          ) : (
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              {choice('app.ledger.amount_kind_label', draft.amountKind, ['fixed', 'range'], 'app.ledger.amount_kind', (v) => set({ amountKind: v as Draft['amountKind'] }), 'rule-amount-kind')}
              {draft.amountKind === 'fixed' ? (
                <TextField size="small" label={translate('app.ledger.value')} value={draft.value} onChange={(e) => set({ value: e.target.value })} inputProps={{ 'data-testid': 'rule-value', inputMode: 'decimal' }} />
              ) : (
                <>
                  <TextField size="small" label={translate('app.ledger.min')} value={draft.min} onChange={(e) => set({ min: e.target.value })} inputProps={{ 'data-testid': 'rule-min', inputMode: 'decimal' }} sx={{ width: 120 }} />
                  <TextField size="small" label={translate('app.ledger.max')} value={draft.max} onChange={(e) => set({ max: e.target.value })} inputProps={{ 'data-testid': 'rule-max', inputMode: 'decimal' }} sx={{ width: 120 }} />
                  <FormControlLabel control={<Checkbox checked={draft.minExclusive} onChange={(e) => set({ minExclusive: e.target.checked })} />} label={translate('app.ledger.min_exclusive')} />
                </>
              )}
            </Stack>
          )}
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <FormControlLabel control={<Checkbox checked={draft.perOccurrence} onChange={(e) => set({ perOccurrence: e.target.checked })} />} label={translate('app.ledger.per_occurrence')} />
            {draft.unit === 'hours' && <TextField size="small" label={translate('app.ledger.hour_rate')} value={draft.hourRate} onChange={(e) => set({ hourRate: e.target.value })} sx={{ width: 160 }} />}
            {choice('app.payout.accounting', draft.accountingMonth || 'calendar', ['calendar', 'workshop'], 'app.ledger.accounting', (v) => set({ accountingMonth: v === 'calendar' ? '' : v }))}
          </Stack>
          <Typography variant="subtitle2">{translate('app.ledger.caps')}</Typography>
          {draft.caps.map((c, i) => (
            <Stack key={i} direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              {choice('app.ledger.cap_period_label', c.period, ['day', 'month', 'quarter', 'year'], 'app.ledger.cap_period', (v) => set({ caps: draft.caps.map((x, j) => (j === i ? { ...x, period: v as Cap['period'] } : x)) }))}
              <TextField size="small" label={translate('app.ledger.cap_amount')} value={c.maxAmount ?? ''} onChange={(e) => set({ caps: draft.caps.map((x, j) => (j === i ? { ...x, maxAmount: e.target.value || undefined } : x)) })} sx={{ width: 140 }} />
              <TextField size="small" type="number" label={translate('app.ledger.cap_count_label')} value={c.maxCount ?? ''} onChange={(e) => set({ caps: draft.caps.map((x, j) => (j === i ? { ...x, maxCount: e.target.value ? Number(e.target.value) : undefined } : x)) })} sx={{ width: 140 }} />
              <IconButton aria-label={translate('app.ledger.remove')} onClick={() => set({ caps: draft.caps.filter((_x, j) => j !== i) })}>
                <DeleteIcon />
              </IconButton>
            </Stack>
          ))}
          <div>
            <Button size="small" onClick={() => set({ caps: [...draft.caps, { period: 'month' }] })}>
              {translate('app.ledger.add_cap')}
            </Button>
          </div>
          <Stack direction="row" spacing={2}>
            <TextField select size="small" label={translate('app.ledger.policy')} value={draft.policyCode} onChange={(e) => set({ policyCode: e.target.value })} sx={{ width: 220 }} slotProps={{ htmlInput: { 'data-testid': 'rule-policy' } }}>
              <MenuItem value="">{translate('app.ledger.no_policy')}</MenuItem>
              {[...new Set([...(policies.data?.nodes ?? []).map((p) => p.code), ...(draft.policyCode ? [draft.policyCode] : [])])].map((code) => (
                <MenuItem key={code} value={code}>
                  {code}
                </MenuItem>
              ))}
            </TextField>
            <TextField size="small" label={translate('app.ledger.component_label')} value={draft.component} onChange={(e) => set({ component: e.target.value })} />
            <TextField size="small" label={translate('app.ledger.program')} value={draft.program} onChange={(e) => set({ program: e.target.value })} />
          </Stack>
          {draft.policyCode && (
            <Stack direction="row" spacing={2}>
              <TextField size="small" multiline label={translate('app.ledger.clause_en')} value={draft.clauseEn} onChange={(e) => set({ clauseEn: e.target.value })} sx={{ flex: 1 }} />
              <TextField size="small" multiline label={translate('app.ledger.clause_zh')} value={draft.clauseZh} onChange={(e) => set({ clauseZh: e.target.value })} sx={{ flex: 1 }} />
            </Stack>
          )}
          <FormControlLabel control={<Checkbox checked={draft.active} onChange={(e) => set({ active: e.target.checked })} />} label={translate('app.ledger.active')} />
          {error && (
            <Alert severity="error" data-testid="rule-error">
              {error}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" onClick={() => void save()} data-testid="rule-save">
          {translate('ra.action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/** The reward-and-punishment catalog: everyone reads it; HR creates, edits and retires rules. */
export const RulesTab = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const locale = useLocale();
  const api = useCycleApi();
  const { roles } = useRoles();
  const hr = roles.includes('HR');
  const rangeText = useRangeText();
  const rules = useLoad((a) => ledgerOps.rules(a), []);
  const [editing, setEditing] = useState<RuleRow | 'new' | null>(null);
  const retire = async (r: RuleRow) => {
    try {
      await ledgerOps.retireRule(api, r.id, r.version);
      notify('app.ledger.retired', { type: 'success' });
      rules.reload();
    } catch (e) {
      notify(errorMessage(e), { type: 'error' });
    }
  };
  return (
    <Stack spacing={2}>
      {hr && (
        <div>
          <Button variant="contained" onClick={() => setEditing('new')} data-testid="rule-new">
            {translate('app.ledger.new_rule')}
          </Button>
        </div>
      )}
      {rules.loading && <LinearProgress />}
      {rules.error ? (
        <LoadErrorState error={rules.error} onRetry={rules.reload} />
      ) : rules.data && rules.data.nodes.length === 0 ? (
        <Alert severity="info">{translate('app.ledger.rules_none')}</Alert>
      ) : (
        <Table size="small" data-testid="ledger-rules">
          <TableHead>
            <TableRow>
              {['name', 'kind', 'range', 'caps', 'settlement', 'policy', 'active'].map((c) => (
                <TableCell key={c}>{translate(`app.ledger.col.${c}`)}</TableCell>
              ))}
              {hr && <TableCell>{translate('app.ledger.col.actions')}</TableCell>}
            </TableRow>
          </TableHead>
          <TableBody>
            {(rules.data?.nodes ?? []).map((r) => (
              <TableRow key={r.id} data-testid={`rule-${r.code}`}>
                <TableCell>
                  {ruleName(r, locale)}
                  <Typography variant="caption" display="block" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
                    {r.code}
                  </Typography>
                </TableCell>
                <TableCell>
                  <Chip size="small" color={r.kind === 'reward' ? 'success' : 'warning'} variant="outlined" label={translate(`app.ledger.kind.${r.kind}`)} />
                </TableCell>
                <TableCell>
                  {rangeText(r)}
                  <Typography variant="caption" display="block" color="text.secondary">
                    {translate(`app.ledger.unit.${r.unit}`)}
                  </Typography>
                </TableCell>
                <TableCell>
                  {r.caps.map((c, i) => (
                    <Typography key={i} variant="body2">
                      {c.maxAmount ? translate('app.ledger.cap_text', { amount: formatQuantity(c.maxAmount, locale), period: translate(`app.ledger.cap_period.${c.period}`) }) : null}
                      {c.maxCount ? translate('app.ledger.cap_count', { count: c.maxCount, period: translate(`app.ledger.cap_period.${c.period}`) }) : null}
                    </Typography>
                  ))}
                </TableCell>
                <TableCell>{translate(`app.ledger.settlement.${r.settlement}`)}</TableCell>
                <TableCell>
                  {r.regulation ? (
                    <>
                      {r.regulation.policyCode}
                      <Typography variant="caption" display="block" color="text.secondary">
                        {locale === 'zh' ? r.regulation.clauseZh || r.regulation.clause : r.regulation.clause}
                      </Typography>
                    </>
                  ) : (
                    '—'
                  )}
                </TableCell>
                <TableCell>{translate(r.active ? 'app.ledger.yes' : 'app.ledger.no')}</TableCell>
                {hr && (
                  <TableCell>
                    <Stack direction="row" spacing={1}>
                      <Button size="small" onClick={() => setEditing(r)} data-testid="rule-edit">
                        {translate('ra.action.edit')}
                      </Button>
                      {r.active && (
                        <Button size="small" color="warning" onClick={() => void retire(r)}>
                          {translate('app.ledger.retire')}
                        </Button>
                      )}
                    </Stack>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {editing && (
        <RuleDialog
          rule={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            rules.reload();
          }}
        />
      )}
    </Stack>
  );
};
