import DeleteIcon from '@mui/icons-material/Delete';
import { Box, IconButton, Paper, Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import { defaultMethod, METHOD_KINDS, withMaxPoints, type MethodKind, type SchemeItem, type ScoringMethod } from '../document';
import { IndicatorPicker, type PickedIndicator } from './IndicatorPicker';
import { DocSelect, DocText, LocalTextInputs, optional } from './inputs';
import { MethodEditor } from './MethodEditor';

const KIND_BY_INDICATOR: Record<string, MethodKind> = {
  RANGE: 'range',
  RUBRIC: 'rubric',
  DEDUCTION: 'deduction',
  FORMULA: 'formula',
  PASS_FAIL: 'passFail',
};

/** An identifier usable as a formula variable, derived from an indicator code ("NURSE-3B-THEORY" -> "nurse3bTheory"). */
export const idFromCode = (code: string): string => {
  const words = code.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  const id = words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
  return /^[a-z]/.test(id) ? id.slice(0, 64) : `i${id}`.slice(0, 64);
};

/** The item an indicator becomes: its code, names, maximum and a method of its scoring kind. */
export const itemFromIndicator = (indicator: PickedIndicator, current: SchemeItem): SchemeItem => {
  const kind = KIND_BY_INDICATOR[indicator.scoringMethod] ?? 'range';
  const method: ScoringMethod = defaultMethod(kind, indicator.maxPoints);
  return {
    ...current,
    id: current.indicatorCode === '' ? idFromCode(indicator.code) : current.id,
    indicatorCode: indicator.code,
    name: { en: indicator.name, zh: indicator.nameZh ?? indicator.name },
    maxPoints: indicator.maxPoints,
    method: method.kind === 'range' && indicator.minPoints ? { ...method, min: indicator.minPoints } : method,
  };
};

interface ItemEditorProps {
  item: SchemeItem;
  path: string;
  weighted: boolean;
  onChange: (item: SchemeItem) => void;
  onRemove?: () => void;
}

/** One item: the indicator it comes from, max points, weight, pass mark and its scoring method. */
export const ItemEditor = ({ item, path, weighted, onChange, onRemove }: ItemEditorProps) => {
  const translate = useTranslate();
  const inlineMethod = item.method.kind === 'range' || item.method.kind === 'passFail';
  return (
    <Paper variant="outlined" sx={{ p: 1 }} data-testid={`item-${item.id}`}>
      <Stack spacing={1}>
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'flex-start', rowGap: 1 }}>
          <IndicatorPicker onPick={(indicator) => onChange(itemFromIndicator(indicator, item))} testId={`${path}-indicator`} />
          <DocText label="app.builder.indicator_code" value={item.indicatorCode} path={`${path}.indicatorCode`} width={170} onChange={(indicatorCode) => onChange({ ...item, indicatorCode })} />
          <DocText label="app.builder.id" value={item.id} path={`${path}.id`} width={140} onChange={(id) => onChange({ ...item, id })} />
          <LocalTextInputs value={item.name} path={`${path}.name`} width={170} onChange={(name) => onChange({ ...item, name })} />
          <DocText label="app.builder.max_points" value={item.maxPoints} path={`${path}.maxPoints`} width={90} onChange={(v) => onChange(withMaxPoints(item, v))} />
          {weighted && (
            <DocText label="app.builder.item_weight" value={item.weight} path={`${path}.weight`} width={90} onChange={(v) => onChange({ ...item, weight: optional(v) })} />
          )}
          <DocText label="app.builder.pass_mark" value={item.passMark} path={`${path}.passMark`} width={110} onChange={(v) => onChange({ ...item, passMark: optional(v) })} />
          <DocSelect<MethodKind>
            label="app.builder.method"
            value={item.method.kind}
            options={METHOD_KINDS}
            prefix="app.builder.kind"
            path={`${path}.method`}
            width={140}
            onChange={(kind) => onChange({ ...item, method: defaultMethod(kind, item.maxPoints) })}
          />
          {inlineMethod && <MethodEditor method={item.method} path={`${path}.method`} onChange={(method) => onChange({ ...item, method })} />}
          <Box sx={{ flexGrow: 1 }} />
          {onRemove && (
            <IconButton aria-label={translate('app.builder.remove')} onClick={onRemove}>
              <DeleteIcon fontSize="small" />
            </IconButton>
          )}
        </Stack>
        {!inlineMethod && <MethodEditor method={item.method} path={`${path}.method`} onChange={(method) => onChange({ ...item, method })} />}
      </Stack>
    </Paper>
  );
};
