import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Button, IconButton, Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { DeductionRule, RubricLevel, ScoringMethod } from '../document';
import { FormulaField } from './FormulaField';
import { DocListText, DocText, removeAt, replaceAt } from './inputs';

interface MethodProps<M extends ScoringMethod> {
  method: M;
  path: string;
  onChange: (method: ScoringMethod) => void;
}

const RubricLevels = ({ method, path, onChange }: MethodProps<Extract<ScoringMethod, { kind: 'rubric' }>>) => {
  const translate = useTranslate();
  const set = (levels: RubricLevel[]) => onChange({ ...method, levels });
  return (
    <Stack spacing={1}>
      {method.levels.map((level, i) => (
        <Stack direction="row" spacing={1} key={i}>
          <DocText label="app.builder.level_code" value={level.code} path={`${path}.levels[${i}].code`} width={110} onChange={(code) => set(replaceAt(method.levels, i, { ...level, code }))} />
          <DocText label="app.builder.name_en" value={level.label.en} width={150} onChange={(en) => set(replaceAt(method.levels, i, { ...level, label: { ...level.label, en } }))} />
          <DocText label="app.builder.name_zh" value={level.label.zh} width={120} onChange={(zh) => set(replaceAt(method.levels, i, { ...level, label: { ...level.label, zh } }))} />
          <DocText label="app.builder.points" value={level.points} path={`${path}.levels[${i}].points`} width={90} onChange={(points) => set(replaceAt(method.levels, i, { ...level, points }))} />
          <IconButton aria-label={translate('app.builder.remove')} disabled={method.levels.length < 2} onClick={() => set(removeAt(method.levels, i))}>
            <DeleteIcon fontSize="small" />
          </IconButton>
        </Stack>
      ))}
      <Button size="small" startIcon={<AddIcon />} sx={{ alignSelf: 'flex-start' }} onClick={() => set([...method.levels, { code: `level${method.levels.length + 1}`, label: { en: '', zh: '' }, points: '0' }])}>
        {translate('app.builder.add_level')}
      </Button>
    </Stack>
  );
};

const DeductionRules = ({ method, path, onChange }: MethodProps<Extract<ScoringMethod, { kind: 'deduction' }>>) => {
  const translate = useTranslate();
  const set = (rules: DeductionRule[]) => onChange({ ...method, rules });
  return (
    <Stack spacing={1}>
      <DocText label="app.builder.floor" value={method.floor} path={`${path}.floor`} width={90} onChange={(floor) => onChange({ ...method, floor })} />
      {method.rules.map((rule, i) => (
        <Stack direction="row" spacing={1} key={i}>
          <DocText label="app.builder.id" value={rule.id} path={`${path}.rules[${i}].id`} width={120} onChange={(id) => set(replaceAt(method.rules, i, { ...rule, id }))} />
          <DocText label="app.builder.name_en" value={rule.name.en} width={180} onChange={(en) => set(replaceAt(method.rules, i, { ...rule, name: { ...rule.name, en } }))} />
          <DocText label="app.builder.name_zh" value={rule.name.zh} width={140} onChange={(zh) => set(replaceAt(method.rules, i, { ...rule, name: { ...rule.name, zh } }))} />
          <DocText label="app.builder.points" value={rule.points} path={`${path}.rules[${i}].points`} width={90} onChange={(points) => set(replaceAt(method.rules, i, { ...rule, points }))} />
          <IconButton aria-label={translate('app.builder.remove')} disabled={method.rules.length < 2} onClick={() => set(removeAt(method.rules, i))}>
            <DeleteIcon fontSize="small" />
          </IconButton>
        </Stack>
      ))}
      <Button size="small" startIcon={<AddIcon />} sx={{ alignSelf: 'flex-start' }} onClick={() => set([...method.rules, { id: `rule${method.rules.length + 1}`, name: { en: '', zh: '' }, points: '1' }])}>
        {translate('app.builder.add_deduction')}
      </Button>
    </Stack>
  );
};

/** The settings of an item's scoring method, one small form per kind. */
export const MethodEditor = ({ method, path, onChange }: MethodProps<ScoringMethod>) => {
  switch (method.kind) {
    case 'range':
      return (
        <Stack direction="row" spacing={1}>
          <DocText label="app.builder.min" value={method.min} path={`${path}.min`} width={90} onChange={(min) => onChange({ ...method, min })} />
          <DocText label="app.builder.max" value={method.max} path={`${path}.max`} width={90} onChange={(max) => onChange({ ...method, max })} />
        </Stack>
      );
    case 'passFail':
      return (
        <Stack direction="row" spacing={1}>
          <DocText label="app.builder.pass_points" value={method.passPoints} path={`${path}.passPoints`} width={110} onChange={(passPoints) => onChange({ ...method, passPoints })} />
          <DocText label="app.builder.fail_points" value={method.failPoints} path={`${path}.failPoints`} width={110} onChange={(failPoints) => onChange({ ...method, failPoints })} />
        </Stack>
      );
    case 'formula':
      return (
        <Stack spacing={1}>
          <DocListText label="app.builder.inputs" value={method.inputs} path={`${path}.inputs`} onChange={(inputs) => onChange({ ...method, inputs })} />
          <FormulaField label="app.builder.expression" value={method.expression} path={`${path}.expression`} onChange={(expression) => onChange({ ...method, expression })} />
        </Stack>
      );
    case 'rubric':
      return <RubricLevels method={method} path={path} onChange={onChange} />;
    case 'deduction':
      return <DeductionRules method={method} path={path} onChange={onChange} />;
  }
};
