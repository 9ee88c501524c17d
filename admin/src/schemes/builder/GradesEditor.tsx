import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Button, IconButton, Paper, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { GradeBand, GradeRule, SchemeDocument } from '../document';
import { DocListText, DocSelect, DocSwitch, DocText, LocalTextInputs, removeAt, replaceAt } from './inputs';

const BandRow = ({ band, path, onChange, onRemove }: { band: GradeBand; path: string; onChange: (b: GradeBand) => void; onRemove: () => void }) => {
  const translate = useTranslate();
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} data-testid={`band-${band.grade}`}>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1, alignItems: 'center' }}>
        <DocText label="app.builder.grade" value={band.grade} path={`${path}.grade`} width={120} onChange={(grade) => onChange({ ...band, grade })} />
        <LocalTextInputs value={band.label} path={`${path}.label`} width={130} onChange={(label) => onChange({ ...band, label })} />
        <DocText label="app.builder.min" value={band.min} path={`${path}.min`} width={80} onChange={(min) => onChange({ ...band, min })} />
        <DocSwitch label="app.builder.inclusive" checked={band.minInclusive} onChange={(minInclusive) => onChange({ ...band, minInclusive })} />
        <DocText label="app.builder.max" value={band.max} path={`${path}.max`} width={80} onChange={(max) => onChange({ ...band, max })} />
        <DocSwitch label="app.builder.inclusive" checked={band.maxInclusive} onChange={(maxInclusive) => onChange({ ...band, maxInclusive })} />
        <Typography variant="body2" sx={{ fontFamily: 'monospace' }}>
          {`${band.minInclusive ? '[' : '('}${band.min}, ${band.max}${band.maxInclusive ? ']' : ')'}`}
        </Typography>
        <IconButton aria-label={translate('app.builder.remove')} onClick={onRemove}>
          <DeleteIcon fontSize="small" />
        </IconButton>
      </Stack>
    </Paper>
  );
};

const RuleRow = ({ rule, path, grades, onChange, onRemove }: { rule: GradeRule; path: string; grades: string[]; onChange: (r: GradeRule) => void; onRemove: () => void }) => {
  const translate = useTranslate();
  const gradeOptions = grades.length > 0 ? grades : [''];
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
      <Typography variant="body2" sx={{ width: 200, pt: 1 }}>
        {translate(`app.builder.grade_rule.${rule.kind}`)}
      </Typography>
      {rule.kind === 'nonParticipation' ? (
        <DocSelect label="app.builder.grade" value={rule.grade} options={gradeOptions} path={`${path}.grade`} width={160} onChange={(grade) => onChange({ ...rule, grade })} />
      ) : (
        <>
          <DocListText label="app.builder.items" value={rule.items} path={`${path}.items`} width={280} onChange={(items) => onChange({ ...rule, items })} />
          <DocSelect label="app.builder.cap_grade" value={rule.capGrade} options={gradeOptions} path={`${path}.capGrade`} width={160} onChange={(capGrade) => onChange({ ...rule, capGrade })} />
        </>
      )}
      <IconButton aria-label={translate('app.builder.remove')} onClick={onRemove}>
        <DeleteIcon fontSize="small" />
      </IconButton>
    </Stack>
  );
};

/** Grade bands, best first, with explicit inclusive / exclusive bounds; and the special grade rules. */
export const GradesEditor = ({ doc, onChange }: { doc: SchemeDocument; onChange: (d: SchemeDocument) => void }) => {
  const translate = useTranslate();
  const grades = doc.grades ?? { bands: [], rules: [] };
  const set = (next: Partial<NonNullable<SchemeDocument['grades']>>) => onChange({ ...doc, grades: { ...grades, ...next } });
  const gradeIds = grades.bands.map((b) => b.grade);
  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary">
        {translate('app.builder.bands_hint')}
      </Typography>
      {grades.bands.map((band, i) => (
        <BandRow key={i} band={band} path={`grades.bands[${i}]`} onChange={(b) => set({ bands: replaceAt(grades.bands, i, b) })} onRemove={() => set({ bands: removeAt(grades.bands, i) })} />
      ))}
      <Button
        startIcon={<AddIcon />}
        sx={{ alignSelf: 'flex-start' }}
        onClick={() => set({ bands: [...grades.bands, { grade: `g${grades.bands.length + 1}`, label: { en: '', zh: '' }, min: '0', minInclusive: true, max: '0', maxInclusive: false }] })}
      >
        {translate('app.builder.add_band')}
      </Button>
      <Typography variant="subtitle2">{translate('app.builder.grade_rules')}</Typography>
      {grades.rules.map((rule, i) => (
        <RuleRow key={i} rule={rule} grades={gradeIds} path={`grades.rules[${i}]`} onChange={(r) => set({ rules: replaceAt(grades.rules, i, r) })} onRemove={() => set({ rules: removeAt(grades.rules, i) })} />
      ))}
      <Stack direction="row" spacing={1}>
        <Button size="small" startIcon={<AddIcon />} onClick={() => set({ rules: [...grades.rules, { kind: 'nonParticipation', grade: gradeIds.at(-1) ?? '' }] })}>
          {translate('app.builder.grade_rule.nonParticipation')}
        </Button>
        <Button size="small" startIcon={<AddIcon />} onClick={() => set({ rules: [...grades.rules, { kind: 'failedItemCap', items: [], capGrade: gradeIds.at(-1) ?? '' }] })}>
          {translate('app.builder.grade_rule.failedItemCap')}
        </Button>
      </Stack>
    </Stack>
  );
};
