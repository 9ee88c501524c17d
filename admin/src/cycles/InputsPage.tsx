import type { SchemeDefinition } from '@appraisal/domain';
import EditIcon from '@mui/icons-material/Edit';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Box, Button, Card, CardContent, LinearProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useMemo, useState, type ChangeEvent } from 'react';
import { HttpError, Title, useNotify, useTranslate } from 'react-admin';
import { Link, useParams } from 'react-router-dom';
import { localizedName } from '../common/localizedName';
import { LoadErrorState } from '../common/LoadError';
import { useSubmit } from '../common/useSubmit';
import { describeProblem, INPUTS_PAGE, type InputsPerson, type LocalText, type MeasuredEntryInput, type MeasuredImportReport } from '../dataProvider/cycleApi';
import { fieldDetails, type ApiGraphQLError, type FieldDetail } from '../dataProvider/graphqlErrors';
import { ExportButton } from '../import/ExportButton';
import { ACCEPTED_EXTENSIONS, isAcceptedFile, readAsBase64 } from '../import/files';
import { ImportReportTable } from '../import/ImportReportTable';
import { errorMessage, StateChip } from './common';
import { PageControls, usePagedLoad } from './paging';
import { localText, useCycleApi, useLoad, useLocale } from './useCycleApi';

/** One editable value of a person: an input of a formula item (a survey's satisfied / returned) or a pay fact. */
interface ValueColumn {
  key: string;
  kind: 'ITEM_VALUES' | 'PAY_FACT';
  item: string | null;
  itemName: LocalText | null;
  name: string;
}

/** Cycle states in which the API takes measured inputs (launched, before publication). */
const TAKING_INPUTS = ['OPEN', 'SELF_REVIEW', 'RATING', 'CALIBRATION', 'HR_REVIEW'];

/** The values the scheme measures per person, as the API's template lists them: each formula item's inputs, then the pay facts its output pay needs. */
export const valueColumns = (scheme: SchemeDefinition): ValueColumn[] => {
  const items: ValueColumn[] = scheme.sections.flatMap((s) =>
    s.items.flatMap((i) => (i.method.kind === 'formula' ? i.method.inputs.map((name) => ({ key: `${i.id}.${name}`, kind: 'ITEM_VALUES' as const, item: i.id, itemName: i.name, name })) : [])),
  );
  const output = scheme.pay.some((p) => p.rule.kind === 'poolSplit' && (p.groups?.length ?? 0) > 0);
  // Completion levels per work ticket (domain completionLevelsOf) make man-hours come from the tickets.
  const levels = scheme.pay.some((p) => (p.completionLevels?.length ?? 0) > 0);
  const facts = output ? ['groupId', ...(levels ? [] : ['manHours'])] : [];
  return [...items, ...facts.map((name) => ({ key: `pay.${name}`, kind: 'PAY_FACT' as const, item: null, itemName: null, name }))];
};

const valueOf = (person: InputsPerson, c: ValueColumn): string =>
  (c.kind === 'ITEM_VALUES' ? person.itemValues.find((v) => v.item === c.item)?.values : person.payFacts)?.find((v) => v.name === c.name)?.value ?? '';

/**
 * The entries a row's edit saves: one ITEM_VALUES entry per formula item with any value typed, the pay facts in one
 * PAY_FACT entry; values of items the page does not show (none today) and the person's other kinds stay as they are.
 */
const entriesOf = (columns: ValueColumn[], values: Record<string, string>): { kinds: string[]; entries: MeasuredEntryInput[]; columnOf: Map<string, ValueColumn> } => {
  const entries: MeasuredEntryInput[] = [];
  const columnOf = new Map<string, ValueColumn>();
  const items = [...new Set(columns.filter((c) => c.kind === 'ITEM_VALUES').map((c) => c.item as string))];
  for (const item of items) {
    const cols = columns.filter((c) => c.item === item);
    const typed = cols.filter((c) => (values[c.key] ?? '').trim() !== '');
    if (typed.length === 0) continue;
    // Every input of the item goes in (an empty one too): the API then names the one left empty.
    cols.forEach((c) => columnOf.set(`${entries.length}.${c.name}`, c));
    entries.push({ kind: 'ITEM_VALUES', item, values: cols.map((c) => ({ name: c.name, value: (values[c.key] ?? '').trim() })) });
  }
  const facts = columns.filter((c) => c.kind === 'PAY_FACT' && (values[c.key] ?? '').trim() !== '');
  if (facts.length > 0) {
    facts.forEach((c) => columnOf.set(`${entries.length}.${c.name}`, c));
    entries.push({ kind: 'PAY_FACT', values: facts.map((c) => ({ name: c.name, value: (values[c.key] ?? '').trim() })) });
  }
  const kinds = [...new Set(columns.map((c) => c.kind))];
  return { kinds, entries, columnOf };
};

/** The field problems of a refused save (VALIDATION_FAILED details), from the console's HttpError. */
const problemsOf = (error: unknown): FieldDetail[] => {
  const body = error instanceof HttpError ? (error.body as { graphQLErrors?: ApiGraphQLError[] } | undefined) : undefined;
  return (body?.graphQLErrors ?? []).flatMap(fieldDetails);
};

/** One person's row: their values, read-only or being edited, and what the API refused, named by column and rule. */
const PersonRow = ({ person, columns, editable, onSaved }: { person: InputsPerson; columns: ValueColumn[]; editable: boolean; onSaved: () => void }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const notify = useNotify();
  const api = useCycleApi();
  const { id: cycleId = '' } = useParams();
  const [editing, setEditing] = useState<Record<string, string> | null>(null);
  const [problems, setProblems] = useState<Array<{ column: ValueColumn | null; rule: string; text: string }>>([]);
  const [busy, setBusy] = useState(false);
  const start = () => {
    setEditing(Object.fromEntries(columns.map((c) => [c.key, valueOf(person, c)])));
    setProblems([]);
  };
  const save = async () => {
    if (!editing) return;
    const { kinds, entries, columnOf } = entriesOf(columns, editing);
    setBusy(true);
    try {
      const saved = await api.saveMeasuredInputs({ cycleId, employeeId: person.employee.id, kinds, entries });
      notify(`app.inputs.saved.${saved.result.toLowerCase()}`, { type: 'success' });
      setEditing(null);
      setProblems([]);
      onSaved();
    } catch (error) {
      const details = problemsOf(error);
      if (details.length === 0) {
        notify(errorMessage(error), { type: 'error' });
        return;
      }
      // input.entries[<i>].values.<name> (or values[<n>]): the column of that value; else the entry's first column.
      setProblems(
        details.map((d) => {
          const m = /^input\.entries(?:\[(\d+)\]|\.(\d+))(?:\.values(?:\.([^.[\]]+)|\[(\d+)\]))?/.exec(d.field);
          const at = m?.[1] ?? m?.[2] ?? '';
          const inEntry = [...columnOf.entries()].filter(([k]) => k.startsWith(`${at}.`)).map(([, c]) => c);
          const byName = m?.[3] !== undefined ? columnOf.get(`${at}.${m[3]}`) : m?.[4] !== undefined ? inEntry[Number(m[4])] : undefined;
          const column = byName ?? inEntry[0] ?? null;
          return { column, rule: d.rule ?? '', text: describeProblem(d, locale) };
        }),
      );
    } finally {
      setBusy(false);
    }
  };
  const columnLabel = (c: ValueColumn) => columnName(c, locale, translate);
  const bad = new Set(problems.map((p) => p.column?.key));
  return (
    <>
      <TableRow data-testid={`inputs-row-${person.employee.employeeNumber}`}>
        <TableCell>
          {person.employee.name} ({person.employee.employeeNumber})
        </TableCell>
        <TableCell>
          <StateChip state={person.state} group="appraisal" />
        </TableCell>
        {columns.map((c) => (
          <TableCell key={c.key} data-testid={`inputs-value-${c.key}`}>
            {editing ? (
              <TextField
                size="small"
                value={editing[c.key] ?? ''}
                onChange={(e) => setEditing({ ...editing, [c.key]: e.target.value })}
                error={bad.has(c.key)}
                sx={{ width: 110 }}
                slotProps={{ htmlInput: { 'data-testid': `inputs-cell-${c.key}`, 'aria-label': columnLabel(c), inputMode: c.name === 'groupId' ? 'text' : 'decimal' } }}
              />
            ) : (
              valueOf(person, c) || '—'
            )}
          </TableCell>
        ))}
        <TableCell align="right">{person.occurrences}</TableCell>
        <TableCell align="right">{person.tickets}</TableCell>
        <TableCell>
          {editable &&
            (editing ? (
              <Stack direction="row" spacing={1}>
                <Button size="small" variant="contained" disabled={busy} onClick={() => void save()} data-testid="inputs-save">
                  {translate('ra.action.save')}
                </Button>
                <Button size="small" disabled={busy} onClick={() => setEditing(null)} data-testid="inputs-cancel">
                  {translate('ra.action.cancel')}
                </Button>
              </Stack>
            ) : (
              columns.length > 0 && (
                <Button size="small" startIcon={<EditIcon />} onClick={start} data-testid="inputs-edit">
                  {translate('ra.action.edit')}
                </Button>
              )
            ))}
        </TableCell>
      </TableRow>
      {problems.length > 0 && (
        <TableRow>
          <TableCell colSpan={columns.length + 5} sx={{ borderBottom: 'none' }}>
            <Alert severity="error" data-testid="inputs-problems">
              {problems.map((p, i) => (
                <div key={i} data-rule={p.rule}>
                  {translate('app.inputs.problem', { column: p.column ? columnLabel(p.column) : translate('app.inputs.person'), message: p.text, rule: p.rule })}
                </div>
              ))}
            </Alert>
          </TableCell>
        </TableRow>
      )}
    </>
  );
};

const columnName = (c: ValueColumn, locale: string, translate: (key: string, options?: Record<string, unknown>) => string): string => {
  const name = translate(`app.inputs.value_name.${c.name}`, { _: c.name });
  return c.itemName ? `${localText(c.itemName, locale)} · ${name}` : translate('app.inputs.pay_fact', { name });
};

/** Upload a measured-input sheet, read the dry run's row report, then apply the same file (all rows or none). */
const ImportSection = ({ cycleId, editable, onApplied }: { cycleId: string; editable: boolean; onApplied: () => void }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const notify = useNotify();
  const api = useCycleApi();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<MeasuredImportReport | null>(null);
  const { busy, submit } = useSubmit();
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0] ?? null;
    event.target.value = '';
    setReport(null);
    if (chosen && !isAcceptedFile(chosen.name)) {
      notify('app.import.wrong_type', { type: 'warning' });
      setFile(null);
      return;
    }
    setFile(chosen);
  };
  const run = async (dryRun: boolean) => {
    if (!file) return;
    await submit(async () => api.importMeasuredInputs({ cycleId, fileName: file.name, contentBase64: await readAsBase64(file), dryRun }), null, (result) => {
      setReport(result);
      if (result.applied) onApplied();
    });
  };
  // Apply only after a clean dry run of this very file: apply writes all rows or none.
  const canApply = file !== null && report !== null && report.dryRun && report.errors.length === 0 && !busy;
  return (
    <Stack spacing={2} data-testid="inputs-import">
      <Typography variant="h6" component="h2">
        {translate('app.inputs.import_title')}
      </Typography>
      <Typography variant="body2">{translate('app.inputs.import_help')}</Typography>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <ExportButton exportFile={() => api.measuredInputTemplate(cycleId)} label="app.import.template" testId="inputs-template" />
        <Button variant="outlined" component="label" startIcon={<UploadFileIcon />} disabled={!editable}>
          {translate('app.import.choose_file')}
          <input hidden type="file" accept={ACCEPTED_EXTENSIONS.join(',')} onChange={choose} data-testid="inputs-file" />
        </Button>
        <Typography variant="body2" data-testid="inputs-file-name">
          {file ? file.name : translate('app.import.no_file')}
        </Typography>
        <Button variant="contained" startIcon={<FactCheckIcon />} disabled={!file || busy || !editable} onClick={() => void run(true)} data-testid="inputs-dry-run">
          {translate('app.import.dry_run')}
        </Button>
        <Button variant="contained" color="success" startIcon={<PlayArrowIcon />} disabled={!canApply} onClick={() => void run(false)} data-testid="inputs-apply">
          {translate('app.import.apply')}
        </Button>
      </Stack>
      {busy && <LinearProgress />}
      {report && (
        <Box data-testid="inputs-report">
          <ImportReportTable report={report} describe={(d) => describeProblem(d, locale)} />
          {report.applied && (
            <Typography variant="body2" sx={{ mt: 1 }} data-testid="inputs-results">
              {translate('app.inputs.results_computed', { smart_count: report.results })}
            </Typography>
          )}
        </Box>
      )}
    </Stack>
  );
};

/**
 * Measured inputs of a cycle (HR): the values the scheme measures per person (a survey's satisfied and returned,
 * output-pay facts), 25 people a page, edited row by row (a refusal names the column and the rule); occurrences and
 * work tickets counted per person; the sheet to fill in, and its import with a dry run and a row report.
 */
export const InputsPage = () => {
  const { id = '' } = useParams();
  const translate = useTranslate();
  const locale = useLocale();
  const cycle = useLoad((api) => api.cycleScheme(id), [id]);
  const [tick, setTick] = useState(0);
  const { loaded: people, pager } = usePagedLoad((api, after) => api.cycleInputs(id, after), INPUTS_PAGE, [id], [tick]);
  const columns = useMemo(() => (cycle.data ? valueColumns(cycle.data.json as SchemeDefinition) : []), [cycle.data]);
  if (cycle.error) return <LoadErrorState error={cycle.error} onRetry={cycle.reload} />;
  if (!cycle.data) return <LinearProgress sx={{ mt: 2 }} />;
  const name = localizedName(cycle.data, locale);
  const editable = TAKING_INPUTS.includes(cycle.data.state);
  const reload = () => setTick((t) => t + 1);
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('app.inputs.title', { name })} />
      <CardContent>
        <Stack spacing={3}>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Typography variant="h5" component="h1" data-testid="inputs-cycle-name" sx={{ flex: 1 }}>
              {translate('app.inputs.title', { name })}
            </Typography>
            <StateChip state={cycle.data.state} group="cycle" />
          </Stack>
          {!editable && <Alert severity="info">{translate('app.inputs.not_taking')}</Alert>}
          <ImportSection cycleId={id} editable={editable} onApplied={reload} />
          <Stack spacing={1}>
            <Typography variant="h6" component="h2">
              {translate('app.inputs.values_title')}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {translate(columns.length > 0 ? 'app.inputs.values_help' : 'app.inputs.no_values')}
            </Typography>
            {people.loading && <LinearProgress />}
            {people.error ? (
              <LoadErrorState error={people.error} onRetry={people.reload} />
            ) : (
              <Box sx={{ overflowX: 'auto' }}>
                <Table size="small" data-testid="inputs-table">
                  <TableHead>
                    <TableRow>
                      <TableCell>{translate('app.inputs.person')}</TableCell>
                      <TableCell>{translate('app.inputs.state')}</TableCell>
                      {columns.map((c) => (
                        <TableCell key={c.key}>{columnName(c, locale, translate)}</TableCell>
                      ))}
                      <TableCell align="right">{translate('app.inputs.occurrences')}</TableCell>
                      <TableCell align="right">{translate('app.inputs.tickets')}</TableCell>
                      <TableCell />
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {(people.data?.nodes ?? []).map((p) => (
                      <PersonRow key={p.appraisalId} person={p} columns={columns} editable={editable && !['PUBLISHED', 'ACKNOWLEDGED', 'REFUSED', 'LAPSED', 'APPEALED'].includes(p.state)} onSaved={reload} />
                    ))}
                  </TableBody>
                </Table>
              </Box>
            )}
            <PageControls pager={pager} testId="inputs-pages" />
          </Stack>
          <Box>
            <Button component={Link} to={`/cycles/${id}`} data-testid="inputs-back">
              {translate('app.inputs.back')}
            </Button>
          </Box>
        </Stack>
      </CardContent>
    </Card>
  );
};
