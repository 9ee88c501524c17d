import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Button, IconButton, Paper, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { AdjustmentAmount, AdjustmentRule, SchemeDocument } from '../document';
import { DocSelect, DocText, LocalTextInputs, optional, removeAt, replaceAt } from './inputs';

const amountOf = (kind: AdjustmentAmount['kind'], current: AdjustmentAmount): AdjustmentAmount =>
  kind === 'fixed'
    ? { kind, value: current.kind === 'fixed' ? current.value : current.min }
    : { kind, min: current.kind === 'range' ? current.min : current.value, max: current.kind === 'range' ? current.max : current.value };

const RuleRow = ({ rule, path, onChange, onRemove }: { rule: AdjustmentRule; path: string; onChange: (r: AdjustmentRule) => void; onRemove: () => void }) => {
  const translate = useTranslate();
  const { amount } = rule;
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }}>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1, alignItems: 'flex-start' }}>
        <DocText label="app.builder.id" value={rule.id} path={`${path}.id`} width={130} onChange={(id) => onChange({ ...rule, id })} />
        <LocalTextInputs value={rule.name} path={`${path}.name`} width={220} onChange={(name) => onChange({ ...rule, name })} />
        <DocSelect label="app.builder.direction" value={rule.direction} options={['bonus', 'penalty'] as const} prefix="app.builder.direction_kind" width={120} onChange={(direction) => onChange({ ...rule, direction })} />
        <DocSelect label="app.builder.unit" value={rule.unit} options={['points', 'money', 'hours'] as const} prefix="app.builder.unit_kind" width={120} onChange={(unit) => onChange({ ...rule, unit })} />
        <DocSelect label="app.builder.amount" value={amount.kind} options={['fixed', 'range'] as const} prefix="app.builder.amount_kind" width={120} onChange={(kind) => onChange({ ...rule, amount: amountOf(kind, amount) })} />
        {amount.kind === 'fixed' ? (
          <DocText label="app.builder.value" value={amount.value} path={`${path}.amount.value`} width={90} onChange={(value) => onChange({ ...rule, amount: { ...amount, value } })} />
        ) : (
          <>
            <DocText label="app.builder.min" value={amount.min} path={`${path}.amount.min`} width={90} onChange={(min) => onChange({ ...rule, amount: { ...amount, min } })} />
            <DocText label="app.builder.max" value={amount.max} path={`${path}.amount.max`} width={90} onChange={(max) => onChange({ ...rule, amount: { ...amount, max } })} />
          </>
        )}
        <DocText label="app.builder.per_rule_cap" value={rule.perRuleCap} path={`${path}.perRuleCap`} width={140} onChange={(v) => onChange({ ...rule, perRuleCap: optional(v) })} />
        <IconButton aria-label={translate('app.builder.remove')} onClick={onRemove}>
          <DeleteIcon fontSize="small" />
        </IconButton>
      </Stack>
    </Paper>
  );
};

/** The plus/minus catalog of the scheme and the caps on all of it together. */
export const AdjustmentsEditor = ({ doc, onChange }: { doc: SchemeDocument; onChange: (d: SchemeDocument) => void }) => {
  const translate = useTranslate();
  const adj = doc.adjustments;
  const set = (next: Partial<SchemeDocument['adjustments']>) => onChange({ ...doc, adjustments: { ...adj, ...next } });
  return (
    <Stack spacing={2}>
      <Typography variant="subtitle2">{translate('app.builder.caps')}</Typography>
      <Stack direction="row" spacing={1}>
        <DocText label="app.builder.max_bonus" value={adj.caps.maxBonus} path="adjustments.caps.maxBonus" width={130} onChange={(v) => set({ caps: { ...adj.caps, maxBonus: optional(v) } })} />
        <DocText label="app.builder.max_penalty" value={adj.caps.maxPenalty} path="adjustments.caps.maxPenalty" width={130} onChange={(v) => set({ caps: { ...adj.caps, maxPenalty: optional(v) } })} />
        <DocText label="app.builder.hour_rate" value={adj.hourRate} path="adjustments.hourRate" width={160} onChange={(v) => set({ hourRate: optional(v) })} />
      </Stack>
      <Typography variant="subtitle2">{translate('app.builder.adjustment_rules')}</Typography>
      {adj.rules.map((rule, i) => (
        <RuleRow key={i} rule={rule} path={`adjustments.rules[${i}]`} onChange={(r) => set({ rules: replaceAt(adj.rules, i, r) })} onRemove={() => set({ rules: removeAt(adj.rules, i) })} />
      ))}
      <Button
        startIcon={<AddIcon />}
        sx={{ alignSelf: 'flex-start' }}
        onClick={() => set({ rules: [...adj.rules, { id: `rule${adj.rules.length + 1}`, name: { en: '', zh: '' }, direction: 'bonus', unit: 'points', amount: { kind: 'fixed', value: '1' } }] })}
      >
        {translate('app.builder.add_adjustment')}
      </Button>
    </Stack>
  );
};
