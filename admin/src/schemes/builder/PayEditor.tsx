import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Button, IconButton, Paper, Stack, TextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import type { PayComponent, PayRule, SchemeDocument } from '../document';
import { DocSelect, DocText, LocalTextInputs, removeAt, replaceAt } from './inputs';
import { useIssuesUnder } from './issues';

const PAY_KINDS = ['none', 'scorePercentOfBase', 'gradePercentOfBase', 'floatingByAverage', 'poolSplit', 'dailyWage'] as const;
const ROUNDING = { places: 2, mode: 'halfUp' };

const defaultRule = (kind: PayRule['kind'], grades: string[]): PayRule => {
  switch (kind) {
    case 'none':
      return { kind };
    case 'scorePercentOfBase':
      return { kind, bands: [{ min: '0', max: '100', minInclusive: true, maxInclusive: true, percent: '100' }], rounding: ROUNDING };
    case 'gradePercentOfBase':
      return { kind, grades: grades.map((grade) => ({ grade, percent: '100' })), rounding: ROUNDING };
    case 'floatingByAverage':
      return { kind, rounding: ROUNDING };
    case 'poolSplit':
      return { kind, weightBy: 'score', remainder: 'largestRemainder', rounding: ROUNDING };
    case 'dailyWage':
      return { kind, pointsPerDay: '100', rounding: ROUNDING };
  }
};

const isRule = (value: unknown): value is PayRule =>
  typeof value === 'object' && value !== null && (PAY_KINDS as readonly unknown[]).includes((value as { kind?: unknown }).kind);

/** The rule's settings as JSON (bands, grades, rounding); the pay module on the server checks them. */
const RuleJson = ({ rule, path, onChange }: { rule: PayRule; path: string; onChange: (r: PayRule) => void }) => {
  const translate = useTranslate();
  const serialized = JSON.stringify(rule, null, 2);
  const [text, setText] = useState(serialized);
  const [parseError, setParseError] = useState(false);
  const issues = useIssuesUnder(path);
  useEffect(() => setText(serialized), [serialized]);
  const edit = (next: string) => {
    setText(next);
    try {
      const parsed: unknown = JSON.parse(next);
      if (!isRule(parsed)) throw new Error('not a pay rule');
      setParseError(false);
      onChange(parsed);
    } catch {
      setParseError(true);
    }
  };
  const message = parseError ? translate('app.builder.bad_json') : issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  return (
    <TextField
      multiline
      minRows={3}
      size="small"
      fullWidth
      label={translate('app.builder.pay_rule_json')}
      value={text}
      onChange={(e) => edit(e.target.value)}
      error={parseError || issues.length > 0}
      helperText={message || undefined}
      slotProps={{ htmlInput: { style: { fontFamily: 'monospace', fontSize: 12 } } }}
    />
  );
};

/** Pay components: each a pay rule of the pay module (kind picked here, settings as JSON). */
export const PayEditor = ({ doc, onChange }: { doc: SchemeDocument; onChange: (d: SchemeDocument) => void }) => {
  const translate = useTranslate();
  const grades = doc.grades?.bands.map((b) => b.grade) ?? [];
  const set = (pay: PayComponent[]) => onChange({ ...doc, pay });
  return (
    <Stack spacing={2}>
      {doc.pay.map((component, i) => (
        <Paper variant="outlined" sx={{ p: 1.5 }} key={i}>
          <Stack spacing={1}>
            <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
              <DocText label="app.builder.id" value={component.id} path={`pay[${i}].id`} width={140} onChange={(id) => set(replaceAt(doc.pay, i, { ...component, id }))} />
              <LocalTextInputs value={component.name} path={`pay[${i}].name`} onChange={(name) => set(replaceAt(doc.pay, i, { ...component, name }))} />
              <DocSelect
                label="app.builder.pay_kind"
                value={component.rule.kind}
                options={PAY_KINDS}
                prefix="app.builder.pay_kind_name"
                width={240}
                onChange={(kind) => set(replaceAt(doc.pay, i, { ...component, rule: defaultRule(kind, grades) }))}
              />
              <IconButton aria-label={translate('app.builder.remove')} onClick={() => set(removeAt(doc.pay, i))}>
                <DeleteIcon fontSize="small" />
              </IconButton>
            </Stack>
            <RuleJson rule={component.rule} path={`pay[${i}].rule`} onChange={(rule) => set(replaceAt(doc.pay, i, { ...component, rule }))} />
          </Stack>
        </Paper>
      ))}
      <Button
        startIcon={<AddIcon />}
        sx={{ alignSelf: 'flex-start' }}
        onClick={() => set([...doc.pay, { id: `pay${doc.pay.length + 1}`, name: { en: '', zh: '' }, rule: defaultRule('gradePercentOfBase', grades) }])}
      >
        {translate('app.builder.add_pay')}
      </Button>
    </Stack>
  );
};
