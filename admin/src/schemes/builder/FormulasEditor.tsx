import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Button, IconButton, Paper, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { Rollup, SchemeDocument } from '../document';
import { FormulaField } from './FormulaField';
import { DocListText, DocSelect, DocSwitch, DocText, LocalTextInputs, removeAt, replaceAt } from './inputs';

const ROLLUP_PERIODS = ['month', 'quarter', 'half', 'year'] as const;

const RollupRow = ({ rollup, path, onChange, onRemove }: { rollup: Rollup; path: string; onChange: (r: Rollup) => void; onRemove: () => void }) => {
  const translate = useTranslate();
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }}>
      <Stack spacing={1}>
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
          <DocText label="app.builder.id" value={rollup.id} path={`${path}.id`} width={130} onChange={(id) => onChange({ ...rollup, id })} />
          <LocalTextInputs value={rollup.name} path={`${path}.name`} width={180} onChange={(name) => onChange({ ...rollup, name })} />
          <DocSelect label="app.builder.rollup_period" value={rollup.period} options={ROLLUP_PERIODS} prefix="app.builder.rollup_period_kind" width={140} onChange={(period) => onChange({ ...rollup, period })} />
          <IconButton aria-label={translate('app.builder.remove')} onClick={onRemove}>
            <DeleteIcon fontSize="small" />
          </IconButton>
        </Stack>
        <DocListText
          label="app.builder.inputs"
          value={rollup.inputs.map((i) => i.name)}
          path={`${path}.inputs`}
          width={480}
          onChange={(names) => onChange({ ...rollup, inputs: names.map((name) => rollup.inputs.find((i) => i.name === name) ?? { name, label: { en: name, zh: name } }) })}
        />
        <FormulaField label="app.builder.formula" value={rollup.formula} path={`${path}.formula`} testId={`${path}-formula`} onChange={(formula) => onChange({ ...rollup, formula })} />
      </Stack>
    </Paper>
  );
};

/** The final-score formula and the period roll-ups, each validated by the server at the error position. */
export const FormulasEditor = ({ doc, onChange }: { doc: SchemeDocument; onChange: (d: SchemeDocument) => void }) => {
  const translate = useTranslate();
  const final = doc.finalFormula;
  return (
    <Stack spacing={2}>
      <DocSwitch
        label="app.builder.use_final_formula"
        checked={final !== undefined}
        onChange={(on) => onChange({ ...doc, finalFormula: on ? { expression: 'weighted + adjustments', inputs: [] } : undefined })}
      />
      {final && (
        <>
          <Typography variant="body2" color="text.secondary">
            {translate('app.builder.final_formula_hint', { sections: doc.sections.map((s) => s.id).join(', ') })}
          </Typography>
          <FormulaField label="app.builder.final_formula" value={final.expression} path="finalFormula.expression" testId="final-formula" onChange={(expression) => onChange({ ...doc, finalFormula: { ...final, expression } })} />
          <DocListText label="app.builder.facts" value={final.inputs} path="finalFormula.inputs" onChange={(inputs) => onChange({ ...doc, finalFormula: { ...final, inputs } })} />
        </>
      )}
      <Typography variant="subtitle2">{translate('app.builder.rollups')}</Typography>
      {doc.rollups.map((rollup, i) => (
        <RollupRow key={i} rollup={rollup} path={`rollups[${i}]`} onChange={(r) => onChange({ ...doc, rollups: replaceAt(doc.rollups, i, r) })} onRemove={() => onChange({ ...doc, rollups: removeAt(doc.rollups, i) })} />
      ))}
      <Button
        startIcon={<AddIcon />}
        sx={{ alignSelf: 'flex-start' }}
        onClick={() =>
          onChange({
            ...doc,
            rollups: [...doc.rollups, { id: `rollup${doc.rollups.length + 1}`, name: { en: '', zh: '' }, period: 'year', inputs: [{ name: 'month1', label: { en: 'Month 1', zh: '第1月' } }], formula: 'month1' }],
          })
        }
      >
        {translate('app.builder.add_rollup')}
      </Button>
    </Stack>
  );
};
