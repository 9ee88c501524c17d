import { MenuItem, Stack, TextField } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { PERIODS, type SchemeDocument } from '../document';
import { noteIn, notesFromLines } from '../notes';
import { DocSelect, DocText, LocalTextInputs, optional } from './inputs';

const MODES = ['halfUp', 'halfEven', 'down', 'up'] as const;
const APPLY_AT = ['item', 'rater', 'section', 'total', 'rollup'] as const;

/** Identity, period, total floor and cap, rounding and notes of the document. */
export const GeneralEditor = ({ doc, onChange }: { doc: SchemeDocument; onChange: (d: SchemeDocument) => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const lang = locale === 'zh' ? 'zh' : 'en';
  const { rounding } = doc;
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <DocText label="app.builder.code" value={doc.code} path="code" width={160} onChange={(code) => onChange({ ...doc, code })} />
        <LocalTextInputs value={doc.name} path="name" width={300} onChange={(name) => onChange({ ...doc, name })} />
        <DocSelect label="app.builder.period" value={doc.period} options={PERIODS} prefix="app.builder.period_kind" width={150} path="period" onChange={(period) => onChange({ ...doc, period })} />
      </Stack>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <DocText label="app.builder.total_floor" value={doc.total.floor} path="total.floor" width={120} onChange={(v) => onChange({ ...doc, total: { ...doc.total, floor: optional(v) } })} />
        <DocText label="app.builder.total_cap" value={doc.total.cap} path="total.cap" width={120} onChange={(v) => onChange({ ...doc, total: { ...doc.total, cap: optional(v) } })} />
        <DocText
          label="app.builder.places"
          value={String(rounding.places)}
          path="rounding.places"
          width={130}
          onChange={(v) => onChange({ ...doc, rounding: { ...rounding, places: Number.parseInt(v, 10) || 0 } })}
        />
        <DocSelect label="app.builder.rounding_mode" value={rounding.mode} options={MODES} prefix="app.builder.mode" width={160} onChange={(mode) => onChange({ ...doc, rounding: { ...rounding, mode } })} />
        <TextField
          select
          size="small"
          label={translate('app.builder.apply_at')}
          value={rounding.applyAt}
          onChange={(e) => {
            const value: unknown = e.target.value;
            const list = (Array.isArray(value) ? value : String(value).split(',')).filter((v): v is (typeof APPLY_AT)[number] => (APPLY_AT as readonly unknown[]).includes(v));
            onChange({ ...doc, rounding: { ...rounding, applyAt: list } });
          }}
          slotProps={{ select: { multiple: true, native: false } }}
          sx={{ width: 260 }}
        >
          {APPLY_AT.map((a) => (
            <MenuItem key={a} value={a}>
              {translate(`app.builder.apply.${a}`)}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <TextField
        multiline
        minRows={3}
        size="small"
        label={translate('app.builder.notes')}
        value={doc.notes.map((n) => noteIn(n, lang)).join('\n')}
        onChange={(e) => onChange({ ...doc, notes: notesFromLines(doc.notes, e.target.value, lang) })}
        helperText={translate('app.builder.notes_hint')}
      />
    </Stack>
  );
};
