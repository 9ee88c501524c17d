import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Box, Button, Divider, IconButton, Paper, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { localText } from '../choices';
import { PAY_KINDS, ROUNDING_MODES, type CompletionLevel, type GroupInput, type PayBand, type PayComponent, type PayRounding, type PayRule, type PayRuleKind, type SchemeDocument } from '../document';
import { FormulaField } from './FormulaField';
import { DocSelect, DocSwitch, DocText, LocalTextInputs, removeAt, replaceAt } from './inputs';
import { IssueNotes, useIssuesUnder } from './issues';
import { WeightSum } from './WeightSum';

const ROUNDING: PayRounding = { places: 2, mode: 'halfUp' };

const defaultRule = (kind: PayRuleKind, grades: readonly string[]): PayRule => {
  switch (kind) {
    case 'none':
      return { kind };
    case 'scorePercentOfBase':
      return { kind, bands: [{ min: '0', max: '100', minInclusive: true, maxInclusive: true, percent: '100' }], rounding: ROUNDING };
    case 'gradePercentOfBase':
      return { kind, grades: (grades.length ? grades : ['A']).map((grade) => ({ grade, percent: '100' })), rounding: ROUNDING };
    case 'floatingByAverage':
      return { kind, rounding: ROUNDING };
    case 'poolSplit':
      return { kind, weightBy: 'score', remainder: 'largestRemainder', rounding: ROUNDING };
    case 'dailyWage':
      return { kind, pointsPerDay: '100', rounding: ROUNDING };
  }
};

/** The component with a new rule; output-pay settings stay only while the rule is output pay. */
const withRule = (component: PayComponent, rule: PayRule): PayComponent => {
  const output = rule.kind === 'poolSplit' && rule.weightBy === 'manHoursTimesCompletion';
  const { groups, outputValue, completionLevels, ...rest } = component;
  if (!output) return { ...rest, rule };
  return {
    ...rest,
    rule,
    groups: groups ?? [{ id: 'group1', name: { en: 'Group 1', zh: '第一组' }, sharePercent: '100' }],
    ...(outputValue ? { outputValue } : {}),
    ...(completionLevels ? { completionLevels } : {}),
  };
};

/**
 * Bands written half-open, each ending where the next better one starts (70 ≤ score < 80): the form the
 * engine asks for when bands typed from a regulation (70-79, 80-100) leave 79.5 without pay.
 */
export const halfOpen = (bands: readonly PayBand[]): PayBand[] => {
  const byMin = bands.map((b, i) => ({ b, i })).sort((x, y) => Number(x.b.min) - Number(y.b.min));
  const next = new Map(byMin.map((x, k) => [x.i, byMin[k + 1]?.b]));
  return bands.map((b, i) => {
    const above = next.get(i);
    return above ? { ...b, minInclusive: true, max: above.min, maxInclusive: false } : { ...b, minInclusive: true, maxInclusive: true };
  });
};

/** A table-like row: fixed columns for codes and numbers, the two names sharing the rest, never cut off. */
const GridRow = ({ columns, children, testId }: { columns: string; children: ReactNode; testId?: string }) => (
  <Box sx={{ display: 'grid', gridTemplateColumns: columns, gap: 1, alignItems: 'start' }} data-testid={testId}>
    {children}
  </Box>
);

const SIGNS = ['inclusive', 'exclusive'] as const;
type Sign = (typeof SIGNS)[number];
const signOf = (inclusive: boolean): Sign => (inclusive ? 'inclusive' : 'exclusive');

const RoundingFields = ({ rounding, path, onChange }: { rounding: PayRounding; path: string; onChange: (r: PayRounding) => void }) => (
  <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
    <DocText label="app.builder.pay_places" value={String(rounding.places)} path={`${path}.places`} width={150} onChange={(v) => onChange({ ...rounding, places: Number.parseInt(v, 10) || 0 })} />
    <DocSelect label="app.builder.rounding_mode" value={rounding.mode} options={ROUNDING_MODES} prefix="app.builder.mode" path={`${path}.mode`} width={160} onChange={(mode) => onChange({ ...rounding, mode })} />
  </Stack>
);

/** Score bands as inequalities: "70 ≤ score < 80 pays 80 % of the base". */
const BandsForm = ({ rule, path, onChange }: { rule: Extract<PayRule, { kind: 'scorePercentOfBase' }>; path: string; onChange: (r: PayRule) => void }) => {
  const translate = useTranslate();
  const gaps = useIssuesUnder(`${path}.bands`).some((i) => i.code === 'pay_band_gap' || i.code === 'pay_band_range');
  const set = (bands: PayBand[]) => onChange({ ...rule, bands });
  return (
    <Stack spacing={1} data-testid={`${path}-bands`}>
      <Typography variant="body2" color="text.secondary">
        {translate('app.builder.pay_bands_hint')}
      </Typography>
      {rule.bands.map((band, j) => {
        const at = `${path}.bands[${j}]`;
        const edit = (next: Partial<PayBand>) => set(replaceAt(rule.bands, j, { ...band, ...next }));
        return (
          <Stack key={j} spacing={0.5}>
            <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }} data-testid={`${at}`}>
              <DocText label="app.builder.min" value={band.min} path={`${at}.min`} width={90} testId={`${at}.min`} onChange={(min) => edit({ min })} />
              <DocSelect label="app.builder.bound_sign_label" value={signOf(band.minInclusive)} options={SIGNS} prefix="app.builder.bound_sign" width={76} testId={`${at}.minInclusive`} onChange={(s) => edit({ minInclusive: s === 'inclusive' })} />
              <Typography sx={{ pt: 1 }}>{translate('app.builder.score_word')}</Typography>
              <DocSelect label="app.builder.bound_sign_label" value={signOf(band.maxInclusive)} options={SIGNS} prefix="app.builder.bound_sign" width={76} testId={`${at}.maxInclusive`} onChange={(s) => edit({ maxInclusive: s === 'inclusive' })} />
              <DocText label="app.builder.max" value={band.max} path={`${at}.max`} width={90} testId={`${at}.max`} onChange={(max) => edit({ max })} />
              <Typography sx={{ pt: 1 }}>→</Typography>
              <DocText label="app.builder.pay_percent" value={band.percent} path={`${at}.percent`} width={130} testId={`${at}.percent`} onChange={(percent) => edit({ percent })} />
              <IconButton aria-label={translate('app.builder.remove')} disabled={rule.bands.length < 2} onClick={() => set(removeAt(rule.bands, j))}>
                <DeleteIcon fontSize="small" />
              </IconButton>
            </Stack>
            <IssueNotes path={at} />
          </Stack>
        );
      })}
      <Stack direction="row" spacing={1}>
        <Button size="small" startIcon={<AddIcon />} onClick={() => set([...rule.bands, { min: '0', max: '0', minInclusive: true, maxInclusive: false, percent: '0' }])}>
          {translate('app.builder.add_band')}
        </Button>
        {gaps && (
          <Button size="small" variant="outlined" data-testid={`${path}-half-open`} onClick={() => set(halfOpen(rule.bands))}>
            {translate('app.builder.pay_half_open')}
          </Button>
        )}
      </Stack>
    </Stack>
  );
};

/** A percent of the base for each grade. */
const GradePercentsForm = ({ rule, path, grades, onChange }: { rule: Extract<PayRule, { kind: 'gradePercentOfBase' }>; path: string; grades: readonly string[]; onChange: (r: PayRule) => void }) => {
  const translate = useTranslate();
  const set = (list: typeof rule.grades) => onChange({ ...rule, grades: list });
  const options = [...new Set([...grades, ...rule.grades.map((g) => g.grade)])];
  const unused = grades.find((g) => !rule.grades.some((x) => x.grade === g));
  return (
    <Stack spacing={1}>
      {rule.grades.map((g, j) => (
        <Stack key={j} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <DocSelect label="app.builder.grade" value={g.grade} options={options} path={`${path}.grades[${j}].grade`} width={160} onChange={(grade) => set(replaceAt(rule.grades, j, { ...g, grade }))} />
          <Typography sx={{ pt: 1 }}>→</Typography>
          <DocText label="app.builder.pay_percent" value={g.percent} path={`${path}.grades[${j}].percent`} width={130} onChange={(percent) => set(replaceAt(rule.grades, j, { ...g, percent }))} />
          <IconButton aria-label={translate('app.builder.remove')} disabled={rule.grades.length < 2} onClick={() => set(removeAt(rule.grades, j))}>
            <DeleteIcon fontSize="small" />
          </IconButton>
        </Stack>
      ))}
      {unused && (
        <Button size="small" startIcon={<AddIcon />} sx={{ alignSelf: 'flex-start' }} onClick={() => set([...rule.grades, { grade: unused, percent: '100' }])}>
          {translate('app.builder.add_grade_percent')}
        </Button>
      )}
    </Stack>
  );
};

/** Output pay: the groups' shares, how the output value is computed and how completion counts. */
const OutputForm = ({ component, path, onChange }: { component: PayComponent; path: string; onChange: (c: PayComponent) => void }) => {
  const translate = useTranslate();
  const groups = component.groups ?? [];
  const setGroups = (next: NonNullable<PayComponent['groups']>) => onChange({ ...component, groups: next });
  const value = component.outputValue;
  const setValue = (next: PayComponent['outputValue']) => {
    const { outputValue: _old, ...rest } = component;
    onChange(next ? { ...rest, outputValue: next } : rest);
  };
  const levels = component.completionLevels;
  const setLevels = (next: CompletionLevel[] | undefined) => {
    const { completionLevels: _old, ...rest } = component;
    onChange(next ? { ...rest, completionLevels: next } : rest);
  };
  return (
    <Stack spacing={1.5}>
      <Typography variant="subtitle2">{translate('app.builder.pay_groups')}</Typography>
      {groups.map((g, j) => (
        <GridRow key={j} columns="130px minmax(0, 1fr) minmax(0, 1fr) 110px 40px">
          <DocText label="app.builder.id" value={g.id} path={`${path}.groups[${j}].id`} width="100%" onChange={(id) => setGroups(replaceAt(groups, j, { ...g, id }))} />
          <LocalTextInputs value={g.name} path={`${path}.groups[${j}].name`} width="100%" onChange={(name) => setGroups(replaceAt(groups, j, { ...g, name }))} />
          <DocText label="app.builder.share_percent" value={g.sharePercent} path={`${path}.groups[${j}].sharePercent`} width="100%" testId={`${path}.groups[${j}].sharePercent`} onChange={(sharePercent) => setGroups(replaceAt(groups, j, { ...g, sharePercent }))} />
          <IconButton aria-label={translate('app.builder.remove')} disabled={groups.length < 2} onClick={() => setGroups(removeAt(groups, j))}>
            <DeleteIcon fontSize="small" />
          </IconButton>
        </GridRow>
      ))}
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Button size="small" startIcon={<AddIcon />} onClick={() => setGroups([...groups, { id: `group${groups.length + 1}`, name: { en: '', zh: '' }, sharePercent: '0' }])}>
          {translate('app.builder.add_pay_group')}
        </Button>
        <WeightSum weights={groups.map((g) => g.sharePercent)} wrongKey="app.builder.share_sum_wrong" okKey="app.builder.share_sum_ok" testId={`${path}-share-sum`} />
      </Stack>
      <IssueNotes path={`${path}.groups`} />
      <Divider />
      <DocSwitch
        label="app.builder.output_by_formula"
        checked={value !== undefined}
        onChange={(on) => setValue(on ? { inputs: [{ name: 'revenue', label: { en: 'Revenue', zh: '收入' } }], formula: 'revenue' } : undefined)}
      />
      {value ? (
        <Stack spacing={1}>
          {value.inputs.map((input, j) => (
            <GridRow key={j} columns="170px minmax(0, 1fr) minmax(0, 1fr) 40px">
              <DocText label="app.builder.input_name" value={input.name} path={`${path}.outputValue.inputs[${j}].name`} width="100%" onChange={(name) => setValue({ ...value, inputs: replaceAt(value.inputs, j, { ...input, name }) })} />
              <LocalTextInputs value={input.label} path={`${path}.outputValue.inputs[${j}].label`} width="100%" multiline onChange={(label) => setValue({ ...value, inputs: replaceAt(value.inputs, j, { ...input, label }) })} />
              <IconButton aria-label={translate('app.builder.remove')} disabled={value.inputs.length < 2} onClick={() => setValue({ ...value, inputs: removeAt(value.inputs, j) })}>
                <DeleteIcon fontSize="small" />
              </IconButton>
            </GridRow>
          ))}
          <Button
            size="small"
            startIcon={<AddIcon />}
            sx={{ alignSelf: 'flex-start' }}
            onClick={() => setValue({ ...value, inputs: [...value.inputs, { name: `input${value.inputs.length + 1}`, label: { en: '', zh: '' } } satisfies GroupInput] })}
          >
            {translate('app.builder.add_input')}
          </Button>
          <FormulaField label="app.builder.output_formula" value={value.formula} path={`${path}.outputValue.formula`} testId={`${path}-output-formula`} onChange={(formula) => setValue({ ...value, formula })} />
        </Stack>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate('app.builder.output_value_entered')}
        </Typography>
      )}
      <Divider />
      <DocSwitch
        label="app.builder.completion_per_ticket"
        checked={levels !== undefined}
        onChange={(on) => setLevels(on ? [{ code: 'onTime', label: { en: 'Done in the allotted hours', zh: '规定工时内完成' }, percent: '100' }] : undefined)}
      />
      {levels ? (
        <Stack spacing={1}>
          {levels.map((level, j) => (
            <GridRow key={j} columns="130px minmax(0, 1fr) minmax(0, 1fr) 150px 40px">
              <DocText label="app.builder.level_code" value={level.code} path={`${path}.completionLevels[${j}].code`} width="100%" onChange={(code) => setLevels(replaceAt(levels, j, { ...level, code }))} />
              <LocalTextInputs value={level.label} path={`${path}.completionLevels[${j}].label`} width="100%" multiline onChange={(label) => setLevels(replaceAt(levels, j, { ...level, label }))} />
              <DocText label="app.builder.hours_counted" value={level.percent} path={`${path}.completionLevels[${j}].percent`} width="100%" onChange={(percent) => setLevels(replaceAt(levels, j, { ...level, percent }))} />
              <IconButton aria-label={translate('app.builder.remove')} disabled={levels.length < 2} onClick={() => setLevels(removeAt(levels, j))}>
                <DeleteIcon fontSize="small" />
              </IconButton>
            </GridRow>
          ))}
          <Button size="small" startIcon={<AddIcon />} sx={{ alignSelf: 'flex-start' }} onClick={() => setLevels([...levels, { code: `level${levels.length + 1}`, label: { en: '', zh: '' }, percent: '100' }])}>
            {translate('app.builder.add_level')}
          </Button>
        </Stack>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate('app.builder.completion_from_total')}
        </Typography>
      )}
    </Stack>
  );
};

/** The settings of one pay rule, a small form per kind. */
const RuleForm = ({ component, path, grades, onChange }: { component: PayComponent; path: string; grades: readonly string[]; onChange: (c: PayComponent) => void }) => {
  const translate = useTranslate();
  const rule = component.rule;
  const rulePath = `${path}.rule`;
  const setRule = (next: PayRule) => onChange(withRule(component, next));
  const hint = (key: string) => (
    <Typography variant="body2" color="text.secondary">
      {translate(key)}
    </Typography>
  );
  switch (rule.kind) {
    case 'none':
      return hint('app.builder.pay_hint.none');
    case 'scorePercentOfBase':
      return (
        <Stack spacing={1.5}>
          <BandsForm rule={rule} path={rulePath} onChange={setRule} />
          <RoundingFields rounding={rule.rounding} path={`${rulePath}.rounding`} onChange={(rounding) => setRule({ ...rule, rounding })} />
        </Stack>
      );
    case 'gradePercentOfBase':
      return (
        <Stack spacing={1.5}>
          {hint('app.builder.pay_hint.gradePercentOfBase')}
          <GradePercentsForm rule={rule} path={rulePath} grades={grades} onChange={setRule} />
          <RoundingFields rounding={rule.rounding} path={`${rulePath}.rounding`} onChange={(rounding) => setRule({ ...rule, rounding })} />
        </Stack>
      );
    case 'floatingByAverage':
      return (
        <Stack spacing={1.5}>
          {hint('app.builder.pay_hint.floatingByAverage')}
          <RoundingFields rounding={rule.rounding} path={`${rulePath}.rounding`} onChange={(rounding) => setRule({ ...rule, rounding })} />
        </Stack>
      );
    case 'poolSplit':
      return (
        <Stack spacing={1.5}>
          <DocSelect
            label="app.builder.weight_by"
            value={rule.weightBy}
            options={['score', 'manHoursTimesCompletion'] as const}
            prefix="app.builder.weight_by_kind"
            path={`${rulePath}.weightBy`}
            width={360}
            testId={`${path}-weight-by`}
            onChange={(weightBy) => setRule({ ...rule, weightBy })}
          />
          {hint(rule.weightBy === 'score' ? 'app.builder.pay_hint.poolSplit' : 'app.builder.pay_hint.output')}
          <RoundingFields rounding={rule.rounding} path={`${rulePath}.rounding`} onChange={(rounding) => setRule({ ...rule, rounding })} />
          {rule.weightBy === 'manHoursTimesCompletion' && <OutputForm component={component} path={path} onChange={onChange} />}
        </Stack>
      );
    case 'dailyWage':
      return (
        <Stack spacing={1.5}>
          {hint('app.builder.pay_hint.dailyWage')}
          <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
            <DocText label="app.builder.points_per_day" value={rule.pointsPerDay} path={`${rulePath}.pointsPerDay`} width={150} onChange={(pointsPerDay) => setRule({ ...rule, pointsPerDay })} />
          </Stack>
          <RoundingFields rounding={rule.rounding} path={`${rulePath}.rounding`} onChange={(rounding) => setRule({ ...rule, rounding })} />
        </Stack>
      );
  }
};

/** Pay components: each a pay rule of the pay module, edited in a form of its kind. */
export const PayEditor = ({ doc, onChange }: { doc: SchemeDocument; onChange: (d: SchemeDocument) => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const grades = doc.grades?.bands.map((b) => b.grade) ?? [];
  const set = (pay: PayComponent[]) => onChange({ ...doc, pay });
  return (
    <Stack spacing={2}>
      {doc.pay.map((component, i) => (
        <Paper variant="outlined" sx={{ p: 1.5 }} key={i} data-testid={`pay-${component.id}`}>
          <Stack spacing={1.5}>
            <Typography variant="subtitle1">{localText(component.name, locale) || component.id}</Typography>
            <GridRow columns="140px minmax(0, 1fr) minmax(0, 1fr) 40px">
              <DocText label="app.builder.id" value={component.id} path={`pay[${i}].id`} width="100%" onChange={(id) => set(replaceAt(doc.pay, i, { ...component, id }))} />
              <LocalTextInputs value={component.name} path={`pay[${i}].name`} width="100%" onChange={(name) => set(replaceAt(doc.pay, i, { ...component, name }))} />
              <IconButton aria-label={translate('app.builder.remove')} onClick={() => set(removeAt(doc.pay, i))}>
                <DeleteIcon fontSize="small" />
              </IconButton>
            </GridRow>
            <Stack direction="row">
              <DocSelect
                label="app.builder.pay_kind"
                value={component.rule.kind}
                options={PAY_KINDS}
                prefix="app.builder.pay_kind_name"
                width={300}
                testId={`pay[${i}]-kind`}
                onChange={(kind) => set(replaceAt(doc.pay, i, withRule(component, defaultRule(kind, grades))))}
              />
            </Stack>
            <IssueNotes path={`pay[${i}].rule`} />
            <RuleForm component={component} path={`pay[${i}]`} grades={grades} onChange={(next) => set(replaceAt(doc.pay, i, next))} />
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
