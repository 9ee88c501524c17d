import { Checkbox, FormControlLabel, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { localText } from '../choices';
import type { RaterRole, SchemeDocument, SchemeItem } from '../document';
import { defaultSample, sampleKey, type SampleValue, type Samples } from './sampleInput';

const small = { width: 90 } as const;

const ItemSample = ({ item, value, onChange, testId }: { item: SchemeItem; value: SampleValue; onChange: (v: SampleValue) => void; testId: string }) => {
  const [locale] = useLocaleState();
  const label = `${localText(item.name, locale) || item.id} (${item.maxPoints})`;
  const m = item.method;
  switch (m.kind) {
    case 'range':
      return (
        <TextField size="small" label={label} value={value.points ?? ''} onChange={(e) => onChange({ ...value, points: e.target.value })} sx={{ width: 160 }} slotProps={{ htmlInput: { 'data-testid': testId, inputMode: 'decimal' } }} />
      );
    case 'rubric':
      return (
        <TextField select size="small" label={label} value={value.level ?? ''} onChange={(e) => onChange({ ...value, level: e.target.value })} sx={{ width: 200 }} slotProps={{ htmlInput: { 'data-testid': testId } }}>
          {m.levels.map((l) => (
            <MenuItem key={l.code} value={l.code}>{`${localText(l.label, locale) || l.code} · ${l.points}`}</MenuItem>
          ))}
        </TextField>
      );
    case 'passFail':
      return <FormControlLabel control={<Checkbox size="small" checked={value.passed !== false} onChange={(e) => onChange({ ...value, passed: e.target.checked })} />} label={label} />;
    case 'deduction':
      return (
        <Stack spacing={0.5}>
          <Typography variant="caption">{label}</Typography>
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
            {m.rules.map((r) => (
              <TextField
                key={r.id}
                size="small"
                label={`${localText(r.name, locale) || r.id} (−${r.points})`}
                value={value.occurrences?.[r.id] ?? ''}
                onChange={(e) => onChange({ ...value, occurrences: { ...value.occurrences, [r.id]: e.target.value } })}
                sx={{ width: 170 }}
              />
            ))}
          </Stack>
        </Stack>
      );
    case 'formula':
      return (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
          <Typography variant="caption">{label}</Typography>
          {m.inputs.map((name) => (
            <TextField
              key={name}
              size="small"
              label={name}
              value={value.values?.[name] ?? ''}
              onChange={(e) => onChange({ ...value, values: { ...value.values, [name]: e.target.value } })}
              sx={small}
              slotProps={{ htmlInput: { 'data-testid': `${testId}-${name}` } }}
            />
          ))}
        </Stack>
      );
  }
};

/** Sample scores per section, rater and item, generated from the document; plus adjustments, facts and a pay base. */
export const SampleInputs = ({ doc, samples, onChange }: { doc: SchemeDocument; samples: Samples; onChange: (s: Samples) => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const setItem = (key: string, value: SampleValue) => onChange({ ...samples, items: { ...samples.items, [key]: value } });
  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <FormControlLabel
          control={<Checkbox size="small" checked={samples.participated} onChange={(e) => onChange({ ...samples, participated: e.target.checked })} />}
          label={translate('app.builder.preview_participated')}
        />
        {doc.pay.length > 0 && (
          <TextField
            size="small"
            label={translate('app.builder.preview_pay_base')}
            value={samples.payBase}
            onChange={(e) => onChange({ ...samples, payBase: e.target.value })}
            sx={{ width: 160 }}
            slotProps={{ htmlInput: { 'data-testid': 'sample-pay-base', inputMode: 'decimal' } }}
          />
        )}
      </Stack>
      {doc.sections.map((section) => (
        <Stack key={section.id} spacing={1}>
          <Typography variant="subtitle2">{localText(section.name, locale) || section.id}</Typography>
          {section.raters.map((rater) => (
            <Stack key={rater.role} spacing={1} sx={{ pl: 1 }}>
              <Typography variant="caption" color="text.secondary">
                {translate(`app.scheme.role.${rater.role}`)} · {rater.weight}%
              </Typography>
              <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
                {section.items.map((item) => {
                  const key = sampleKey(section.id, rater.role as RaterRole, item.id);
                  return <ItemSample key={key} item={item} value={samples.items[key] ?? defaultSample(item)} onChange={(v) => setItem(key, v)} testId={`sample-${section.id}-${rater.role}-${item.id}`} />;
                })}
              </Stack>
            </Stack>
          ))}
        </Stack>
      ))}
      {doc.adjustments.rules.length > 0 && (
        <Stack spacing={1}>
          <Typography variant="subtitle2">{translate('app.builder.adjustment_rules')}</Typography>
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
            {doc.adjustments.rules.map((rule) => (
              <TextField
                key={rule.id}
                size="small"
                label={`${localText(rule.name, locale) || rule.id} (${translate(rule.amount.kind === 'range' ? 'app.builder.preview_amount' : 'app.builder.preview_count')})`}
                value={samples.adjustments[rule.id] ?? ''}
                onChange={(e) => onChange({ ...samples, adjustments: { ...samples.adjustments, [rule.id]: e.target.value } })}
                sx={{ width: 200 }}
                slotProps={{ htmlInput: { 'data-testid': `sample-adjustment-${rule.id}` } }}
              />
            ))}
          </Stack>
        </Stack>
      )}
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
        {(doc.finalFormula?.inputs ?? []).map((name) => (
          <TextField key={name} size="small" label={name} value={samples.facts[name] ?? ''} onChange={(e) => onChange({ ...samples, facts: { ...samples.facts, [name]: e.target.value } })} sx={small} />
        ))}
      </Stack>
    </Stack>
  );
};
