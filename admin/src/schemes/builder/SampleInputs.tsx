import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Box, Button, Checkbox, FormControlLabel, IconButton, MenuItem, Stack, TextField, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import type { PreviewTicket } from '../../dataProvider';
import { localText } from '../choices';
import type { PayComponent, SchemeDocument, SchemeItem } from '../document';
import { useSampleIssue } from './previewIssues';
import { defaultSample, payNeeds, sampleKey, type SampleFacts, type SampleValue, type Samples } from './sampleInput';

/**
 * One sample value: its label in full on the left (long indicator names wrap instead of being cut off),
 * the input on the right, the preview's issue for it underneath.
 */
export const SampleRow = ({ label, children, issue }: { label: ReactNode; children: ReactNode; issue?: string }) => (
  <Box>
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <Typography variant="body2" sx={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
        {label}
      </Typography>
      <Box sx={{ flexShrink: 0 }}>{children}</Box>
    </Stack>
    {issue && (
      <Typography variant="caption" color="error" sx={{ display: 'block' }} data-testid="sample-issue">
        {issue}
      </Typography>
    )}
  </Box>
);

/** A small text input of the preview (numbers), with an accessible name and the issue state. */
export const SampleText = ({ value, onChange, name, testId, width = 110, error }: { value: string; onChange: (v: string) => void; name: string; testId?: string; width?: number; error?: boolean }) => (
  <TextField
    size="small"
    value={value}
    error={error}
    onChange={(e) => onChange(e.target.value)}
    sx={{ width }}
    slotProps={{ htmlInput: { 'data-testid': testId, 'aria-label': name, inputMode: 'decimal' } }}
  />
);

const ItemSample = ({ item, value, onChange, testId, field }: { item: SchemeItem; value: SampleValue; onChange: (v: SampleValue) => void; testId: string; field: string }) => {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const name = localText(item.name, locale) || item.id;
  const issue = useSampleIssue(field);
  const label = `${name} (${translate('app.builder.of_points', { points: item.maxPoints })})`;
  const m = item.method;
  switch (m.kind) {
    case 'range':
      return (
        <SampleRow label={label} issue={issue}>
          <SampleText name={name} value={value.points ?? ''} onChange={(points) => onChange({ ...value, points })} testId={testId} error={issue !== undefined} />
        </SampleRow>
      );
    case 'rubric':
      return (
        <SampleRow label={label} issue={issue}>
          <TextField select size="small" value={value.level ?? ''} error={issue !== undefined} onChange={(e) => onChange({ ...value, level: e.target.value })} sx={{ width: 190 }} slotProps={{ htmlInput: { 'data-testid': testId, 'aria-label': name } }}>
            {m.levels.map((l) => (
              <MenuItem key={l.code} value={l.code}>{`${localText(l.label, locale) || l.code} · ${l.points}`}</MenuItem>
            ))}
          </TextField>
        </SampleRow>
      );
    case 'passFail':
      return (
        <SampleRow label={label} issue={issue}>
          <Checkbox size="small" checked={value.passed !== false} onChange={(e) => onChange({ ...value, passed: e.target.checked })} slotProps={{ input: { 'aria-label': name } }} />
        </SampleRow>
      );
    case 'deduction':
      return (
        <Stack spacing={0.5}>
          <Typography variant="body2">{label}</Typography>
          {issue && (
            <Typography variant="caption" color="error">
              {issue}
            </Typography>
          )}
          {m.rules.map((r) => (
            <Box key={r.id} sx={{ pl: 2 }}>
              <SampleRow label={`${localText(r.name, locale) || r.id} (−${r.points})`}>
                <SampleText
                  name={localText(r.name, locale) || r.id}
                  value={value.occurrences?.[r.id] ?? ''}
                  onChange={(v) => onChange({ ...value, occurrences: { ...value.occurrences, [r.id]: v } })}
                  width={80}
                  testId={`${testId}-${r.id}`}
                />
              </SampleRow>
            </Box>
          ))}
        </Stack>
      );
    case 'formula':
      return (
        <Stack spacing={0.5}>
          <Typography variant="body2">{label}</Typography>
          {issue && (
            <Typography variant="caption" color="error">
              {issue}
            </Typography>
          )}
          {m.inputs.map((input) => (
            <Box key={input} sx={{ pl: 2 }}>
              <SampleRow label={input}>
                <SampleText name={input} value={value.values?.[input] ?? ''} onChange={(v) => onChange({ ...value, values: { ...value.values, [input]: v } })} width={100} testId={`${testId}-${input}`} />
              </SampleRow>
            </Box>
          ))}
        </Stack>
      );
  }
};

/** Work tickets of one person: hours and the completion level of each (output pay with completion levels). */
export const TicketsEditor = ({ tickets, levels, onChange, testId }: { tickets: PreviewTicket[]; levels: NonNullable<PayComponent['completionLevels']>; onChange: (t: PreviewTicket[]) => void; testId: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const set = (i: number, next: PreviewTicket) => onChange(tickets.map((t, k) => (k === i ? next : t)));
  return (
    <Stack spacing={0.5} data-testid={testId}>
      {tickets.map((ticket, i) => (
        <Stack key={i} direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
          <SampleText name={translate('app.builder.ticket_hours')} value={ticket.hours} onChange={(hours) => set(i, { ...ticket, hours })} width={80} testId={`${testId}-${i}-hours`} />
          <TextField
            select
            size="small"
            value={ticket.level}
            onChange={(e) => set(i, { ...ticket, level: e.target.value })}
            sx={{ width: 300 }}
            slotProps={{ htmlInput: { 'data-testid': `${testId}-${i}-level`, 'aria-label': translate('app.builder.ticket_level') } }}
          >
            {levels.map((l) => (
              <MenuItem key={l.code} value={l.code}>{`${l.percent}% · ${localText(l.label, locale) || l.code}`}</MenuItem>
            ))}
          </TextField>
          <IconButton size="small" aria-label={translate('app.builder.remove')} onClick={() => onChange(tickets.filter((_, k) => k !== i))}>
            <DeleteIcon fontSize="small" />
          </IconButton>
        </Stack>
      ))}
      <Button size="small" startIcon={<AddIcon />} sx={{ alignSelf: 'flex-start' }} onClick={() => onChange([...tickets, { hours: '8', level: levels[0]?.code ?? '' }])} data-testid={`${testId}-add`}>
        {translate('app.builder.add_ticket')}
      </Button>
    </Stack>
  );
};

/** The pay facts of one person (pay base, group, man-hours or tickets) that the scheme's pay uses. */
export const PersonPayFacts = ({ doc, facts, onChange, prefix, field }: { doc: SchemeDocument; facts: SampleFacts; onChange: (f: SampleFacts) => void; prefix: string; field: (name: string) => string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const needs = payNeeds(doc);
  const output = needs.output;
  const baseIssue = useSampleIssue(field('payBase'));
  const groupIssue = useSampleIssue(field('payGroup'));
  const hoursIssue = useSampleIssue(field('manHours'));
  const ticketsIssue = useSampleIssue(field('tickets'));
  return (
    <Stack spacing={1}>
      {needs.base && (
        <SampleRow label={translate('app.builder.preview_pay_base')} issue={baseIssue}>
          <SampleText name={translate('app.builder.preview_pay_base')} value={facts.payBase} onChange={(payBase) => onChange({ ...facts, payBase })} testId={`${prefix}-pay-base`} error={baseIssue !== undefined} />
        </SampleRow>
      )}
      {output && (
        <SampleRow label={translate('app.builder.preview_pay_group')} issue={groupIssue}>
          <TextField
            select
            size="small"
            value={facts.payGroup}
            error={groupIssue !== undefined}
            onChange={(e) => onChange({ ...facts, payGroup: e.target.value })}
            sx={{ width: 190 }}
            slotProps={{ htmlInput: { 'data-testid': `${prefix}-pay-group`, 'aria-label': translate('app.builder.preview_pay_group') } }}
          >
            {(output.groups ?? []).map((g) => (
              <MenuItem key={g.id} value={g.id}>
                {localText(g.name, locale) || g.id}
              </MenuItem>
            ))}
          </TextField>
        </SampleRow>
      )}
      {output && !output.completionLevels && (
        <SampleRow label={translate('app.builder.preview_man_hours')} issue={hoursIssue}>
          <SampleText name={translate('app.builder.preview_man_hours')} value={facts.manHours} onChange={(manHours) => onChange({ ...facts, manHours })} testId={`${prefix}-man-hours`} error={hoursIssue !== undefined} />
        </SampleRow>
      )}
      {output?.completionLevels && (
        <Stack spacing={0.5}>
          <Typography variant="body2">{translate('app.builder.preview_tickets')}</Typography>
          {ticketsIssue && (
            <Typography variant="caption" color="error">
              {ticketsIssue}
            </Typography>
          )}
          <TicketsEditor tickets={facts.tickets} levels={output.completionLevels} onChange={(tickets) => onChange({ ...facts, tickets })} testId={`${prefix}-tickets`} />
        </Stack>
      )}
    </Stack>
  );
};

/** Values of the whole group and period: a bonus pool, the output value or the inputs of its formula. */
const GroupValues = ({ doc, samples, onChange }: { doc: SchemeDocument; samples: Samples; onChange: (s: Samples) => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const needs = payNeeds(doc);
  const poolIssue = useSampleIssue('pool');
  const valueIssue = useSampleIssue('outputValue');
  const inputs = needs.output?.outputValue?.inputs ?? [];
  return (
    <Stack spacing={1}>
      {needs.pool && (
        <SampleRow label={translate('app.builder.preview_pool')} issue={poolIssue}>
          <SampleText name={translate('app.builder.preview_pool')} value={samples.pool} onChange={(pool) => onChange({ ...samples, pool })} testId="sample-pool" width={140} error={poolIssue !== undefined} />
        </SampleRow>
      )}
      {needs.output && inputs.length === 0 && (
        <SampleRow label={translate('app.builder.preview_output_value')} issue={valueIssue}>
          <SampleText name={translate('app.builder.preview_output_value')} value={samples.outputValue} onChange={(outputValue) => onChange({ ...samples, outputValue })} testId="sample-output-value" width={140} error={valueIssue !== undefined} />
        </SampleRow>
      )}
      {inputs.map((input) => (
        <OutputInput key={input.name} label={localText(input.label, locale) || input.name} name={input.name} value={samples.outputInputs[input.name] ?? ''} onChange={(v) => onChange({ ...samples, outputInputs: { ...samples.outputInputs, [input.name]: v } })} />
      ))}
    </Stack>
  );
};

const OutputInput = ({ label, name, value, onChange }: { label: string; name: string; value: string; onChange: (v: string) => void }) => {
  const issue = useSampleIssue(`outputInput:${name}`);
  return (
    <SampleRow label={label} issue={issue}>
      <SampleText name={label} value={value} onChange={onChange} testId={`sample-output-input-${name}`} width={140} error={issue !== undefined} />
    </SampleRow>
  );
};

const AdjustmentSample = ({ label, value, onChange, testId, field }: { label: string; value: string; onChange: (v: string) => void; testId: string; field: string }) => {
  const issue = useSampleIssue(field);
  return (
    <SampleRow label={label} issue={issue}>
      <SampleText name={label} value={value} onChange={onChange} testId={testId} width={90} error={issue !== undefined} />
    </SampleRow>
  );
};

/** Sample scores per section, rater and item, generated from the document; plus adjustments, facts and the pay inputs. */
export const SampleInputs = ({ doc, samples, onChange }: { doc: SchemeDocument; samples: Samples; onChange: (s: Samples) => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const setItem = (key: string, value: SampleValue) => onChange({ ...samples, items: { ...samples.items, [key]: value } });
  const needs = payNeeds(doc);
  const anyPay = needs.base || needs.pool || needs.output !== undefined;
  return (
    <Stack spacing={2}>
      <FormControlLabel
        control={<Checkbox size="small" checked={samples.participated} onChange={(e) => onChange({ ...samples, participated: e.target.checked })} />}
        label={translate('app.builder.preview_participated')}
      />
      {doc.sections.map((section) => (
        <Stack key={section.id} spacing={1}>
          <Typography variant="subtitle2">{localText(section.name, locale) || section.id}</Typography>
          {section.raters.map((rater) => (
            <Stack key={rater.role} spacing={1} sx={{ pl: 1 }}>
              <Typography variant="caption" color="text.secondary">
                {translate(`app.scheme.role.${rater.role}`)} · {rater.weight}%
              </Typography>
              {section.items.map((item) => {
                const key = sampleKey(section.id, rater.role, item.id);
                return (
                  <ItemSample
                    key={key}
                    item={item}
                    value={samples.items[key] ?? defaultSample(item)}
                    onChange={(v) => setItem(key, v)}
                    testId={`sample-${section.id}-${rater.role}-${item.id}`}
                    field={`item:${key}`}
                  />
                );
              })}
            </Stack>
          ))}
        </Stack>
      ))}
      {doc.adjustments.rules.length > 0 && (
        <Stack spacing={1}>
          <Typography variant="subtitle2">{translate('app.builder.adjustment_rules')}</Typography>
          {doc.adjustments.rules.map((rule) => (
            <AdjustmentSample
              key={rule.id}
              label={`${localText(rule.name, locale) || rule.id} (${translate(rule.amount.kind === 'range' ? 'app.builder.preview_amount' : 'app.builder.preview_count')})`}
              value={samples.adjustments[rule.id] ?? ''}
              onChange={(v) => onChange({ ...samples, adjustments: { ...samples.adjustments, [rule.id]: v } })}
              testId={`sample-adjustment-${rule.id}`}
              field={`adjustment:${rule.id}`}
            />
          ))}
        </Stack>
      )}
      {(doc.finalFormula?.inputs ?? []).length > 0 && (
        <Stack spacing={1}>
          <Typography variant="subtitle2">{translate('app.builder.preview_facts')}</Typography>
          {(doc.finalFormula?.inputs ?? []).map((name) => (
            <SampleRow key={name} label={name}>
              <SampleText name={name} value={samples.facts[name] ?? ''} onChange={(v) => onChange({ ...samples, facts: { ...samples.facts, [name]: v } })} />
            </SampleRow>
          ))}
        </Stack>
      )}
      {anyPay && (
        <Stack spacing={1} data-testid="sample-pay-inputs">
          <Typography variant="subtitle2">{translate('app.builder.preview_pay_inputs')}</Typography>
          <PersonPayFacts doc={doc} facts={samples} onChange={(facts) => onChange({ ...samples, ...facts })} prefix="sample" field={(name) => name} />
          <GroupValues doc={doc} samples={samples} onChange={onChange} />
        </Stack>
      )}
    </Stack>
  );
};
