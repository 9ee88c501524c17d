import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import SaveIcon from '@mui/icons-material/Save';
import {
  Alert,
  Button,
  Card,
  CardContent,
  Checkbox,
  FormControlLabel,
  FormGroup,
  IconButton,
  LinearProgress,
  Stack,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tabs,
  TextField,
  Typography,
} from '@mui/material';
import { useState, type ReactNode } from 'react';
import { Title, useTranslate } from 'react-admin';
import { useRoles } from '../auth/useRoles';
import { LoadErrorState } from '../common/LoadError';
import { useSubmit } from '../common/useSubmit';
import type { CalendarYear, CalendarYearInput, LocalText } from '../dataProvider/cycleApi';
import { useCycleApi, useLoad } from './useCycleApi';
import { LocalDateField } from '../common/LocalDateField';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 0];

const blankYear = (year: number): CalendarYearInput => ({ year, weekendDays: [0, 6], holidays: [], makeUpWorkdays: [], accountingMonths: [] });

const inputOf = ({ year, weekendDays, holidays, makeUpWorkdays, accountingMonths }: CalendarYearInput): CalendarYearInput => ({
  year,
  weekendDays,
  holidays: holidays.map(({ from, to, name }) => ({ from, to, name: { en: name.en, zh: name.zh } })),
  makeUpWorkdays: makeUpWorkdays.map(({ date, name }) => ({ date, name: { en: name.en, zh: name.zh } })),
  accountingMonths: accountingMonths.map(({ code, name, monthStartDay }) => ({ code, name: { en: name.en, zh: name.zh }, monthStartDay })),
});

const NameInputs = ({ value, onChange, disabled, testId }: { value: LocalText; onChange: (v: LocalText) => void; disabled: boolean; testId: string }) => {
  const translate = useTranslate();
  return (
    <>
      <TableCell>
        <TextField size="small" value={value.en} disabled={disabled} onChange={(e) => onChange({ ...value, en: e.target.value })} slotProps={{ htmlInput: { 'aria-label': translate('app.calendar.name_en'), 'data-testid': `${testId}-en` } }} />
      </TableCell>
      <TableCell>
        <TextField size="small" value={value.zh} disabled={disabled} onChange={(e) => onChange({ ...value, zh: e.target.value })} slotProps={{ htmlInput: { 'aria-label': translate('app.calendar.name_zh'), 'data-testid': `${testId}-zh` } }} />
      </TableCell>
    </>
  );
};

const DateInput = ({ value, onChange, disabled, label, testId }: { value: string; onChange: (v: string) => void; disabled: boolean; label: string; testId: string }) => (
  <TableCell>
    <LocalDateField size="small" value={value} disabled={disabled} onChange={onChange} slotProps={{ htmlInput: { 'aria-label': label, 'data-testid': testId } }} />
  </TableCell>
);

const Section = ({ title, onAdd, disabled, children, testId }: { title: string; onAdd: () => void; disabled: boolean; children: ReactNode; testId: string }) => {
  const translate = useTranslate();
  return (
    <Stack spacing={1} data-testid={testId}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="h6" component="h2">
          {translate(title)}
        </Typography>
        {!disabled && (
          <Button size="small" startIcon={<AddIcon />} onClick={onAdd} data-testid={`${testId}-add`}>
            {translate('app.calendar.add_row')}
          </Button>
        )}
      </Stack>
      {children}
    </Stack>
  );
};

/** One year as HR edits it: weekend days, holidays, make-up working days and accounting months. */
const YearEditor = ({ initial, version, readOnly, onSaved }: { initial: CalendarYearInput; version: number | null; readOnly: boolean; onSaved: (y: CalendarYear) => void }) => {
  const translate = useTranslate();
  const api = useCycleApi();
  const [year, setYear] = useState(initial);
  const { busy: saving, submit } = useSubmit();
  const set = (patch: Partial<CalendarYearInput>) => setYear((y) => ({ ...y, ...patch }));
  const replace = <T,>(list: T[], index: number, value: T): T[] => list.map((x, i) => (i === index ? value : x));
  const remove = <T,>(list: T[], index: number): T[] => list.filter((_, i) => i !== index);
  const del = (onClick: () => void) =>
    readOnly ? null : (
      <TableCell>
        <IconButton size="small" onClick={onClick} aria-label={translate('app.calendar.remove_row')}>
          <DeleteIcon fontSize="small" />
        </IconButton>
      </TableCell>
    );
  const save = () => submit(() => api.saveWorkCalendarYear(inputOf(year), version), (saved) => ({ message: 'app.calendar.saved', args: { year: saved.year } }), onSaved);
  const nameHeads = (
    <>
      <TableCell>{translate('app.calendar.name_en')}</TableCell>
      <TableCell>{translate('app.calendar.name_zh')}</TableCell>
    </>
  );
  return (
    <Stack spacing={3}>
      <Stack spacing={1}>
        <Typography variant="h6" component="h2">
          {translate('app.calendar.weekend_days')}
        </Typography>
        <FormGroup row data-testid="weekend-days">
          {WEEKDAYS.map((d) => (
            <FormControlLabel
              key={d}
              label={translate(`app.calendar.weekday.${d}`)}
              control={
                <Checkbox
                  checked={year.weekendDays.includes(d)}
                  disabled={readOnly}
                  onChange={(e) => set({ weekendDays: e.target.checked ? [...year.weekendDays, d].sort() : year.weekendDays.filter((x) => x !== d) })}
                />
              }
            />
          ))}
        </FormGroup>
      </Stack>
      <Section title="app.calendar.holidays" testId="holidays" disabled={readOnly} onAdd={() => set({ holidays: [...year.holidays, { from: `${year.year}-01-01`, to: `${year.year}-01-01`, name: { en: '', zh: '' } }] })}>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.calendar.from')}</TableCell>
              <TableCell>{translate('app.calendar.to')}</TableCell>
              {nameHeads}
              {!readOnly && <TableCell />}
            </TableRow>
          </TableHead>
          <TableBody>
            {year.holidays.map((h, i) => (
              <TableRow key={i}>
                <DateInput value={h.from} label={translate('app.calendar.from')} disabled={readOnly} testId={`holiday-${i}-from`} onChange={(from) => set({ holidays: replace(year.holidays, i, { ...h, from }) })} />
                <DateInput value={h.to} label={translate('app.calendar.to')} disabled={readOnly} testId={`holiday-${i}-to`} onChange={(to) => set({ holidays: replace(year.holidays, i, { ...h, to }) })} />
                <NameInputs value={h.name} disabled={readOnly} testId={`holiday-${i}`} onChange={(name) => set({ holidays: replace(year.holidays, i, { ...h, name }) })} />
                {del(() => set({ holidays: remove(year.holidays, i) }))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>
      <Section title="app.calendar.make_up_days" testId="make-up" disabled={readOnly} onAdd={() => set({ makeUpWorkdays: [...year.makeUpWorkdays, { date: `${year.year}-01-01`, name: { en: '', zh: '' } }] })}>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.calendar.date')}</TableCell>
              {nameHeads}
              {!readOnly && <TableCell />}
            </TableRow>
          </TableHead>
          <TableBody>
            {year.makeUpWorkdays.map((m, i) => (
              <TableRow key={i}>
                <DateInput value={m.date} label={translate('app.calendar.date')} disabled={readOnly} testId={`make-up-${i}-date`} onChange={(date) => set({ makeUpWorkdays: replace(year.makeUpWorkdays, i, { ...m, date }) })} />
                <NameInputs value={m.name} disabled={readOnly} testId={`make-up-${i}`} onChange={(name) => set({ makeUpWorkdays: replace(year.makeUpWorkdays, i, { ...m, name }) })} />
                {del(() => set({ makeUpWorkdays: remove(year.makeUpWorkdays, i) }))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>
      <Section title="app.calendar.accounting_months" testId="accounting" disabled={readOnly} onAdd={() => set({ accountingMonths: [...year.accountingMonths, { code: '', name: { en: '', zh: '' }, monthStartDay: 26 }] })}>
        <Typography variant="body2" color="text.secondary">
          {translate('app.calendar.accounting_help')}
        </Typography>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.calendar.code')}</TableCell>
              {nameHeads}
              <TableCell>{translate('app.calendar.month_start_day')}</TableCell>
              {!readOnly && <TableCell />}
            </TableRow>
          </TableHead>
          <TableBody>
            {year.accountingMonths.map((m, i) => (
              <TableRow key={i}>
                <TableCell>
                  <TextField size="small" value={m.code} disabled={readOnly} onChange={(e) => set({ accountingMonths: replace(year.accountingMonths, i, { ...m, code: e.target.value }) })} slotProps={{ htmlInput: { 'aria-label': translate('app.calendar.code') } }} />
                </TableCell>
                <NameInputs value={m.name} disabled={readOnly} testId={`accounting-${i}`} onChange={(name) => set({ accountingMonths: replace(year.accountingMonths, i, { ...m, name }) })} />
                <TableCell>
                  <TextField
                    size="small"
                    type="number"
                    value={m.monthStartDay}
                    disabled={readOnly}
                    onChange={(e) => set({ accountingMonths: replace(year.accountingMonths, i, { ...m, monthStartDay: Number(e.target.value) }) })}
                    slotProps={{ htmlInput: { min: 1, max: 28, 'aria-label': translate('app.calendar.month_start_day') } }}
                  />
                </TableCell>
                {del(() => set({ accountingMonths: remove(year.accountingMonths, i) }))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>
      {!readOnly && (
        <Stack direction="row">
          <Button variant="contained" startIcon={<SaveIcon />} disabled={saving} onClick={() => void save()} data-testid="calendar-save">
            {translate('ra.action.save')}
          </Button>
        </Stack>
      )}
    </Stack>
  );
};

/** The work calendar: one tab per year; HR edits a year or adds the next one. Deadlines are computed on it. */
export const CalendarPage = () => {
  const translate = useTranslate();
  const { roles } = useRoles();
  const hr = roles.includes('HR');
  const years = useLoad((api) => api.workCalendarYears(), []);
  const [selected, setSelected] = useState<number | null>(null);
  const [added, setAdded] = useState<number | null>(null);
  const list = years.data ?? [];
  const current = selected ?? list[list.length - 1]?.year ?? null;
  const record = list.find((y) => y.year === current);
  const nextYear = (list[list.length - 1]?.year ?? new Date().getFullYear() - 1) + 1;
  const tabs = [...list.map((y) => y.year), ...(added !== null && !list.some((y) => y.year === added) ? [added] : [])];
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('app.menu.calendar')} />
      <CardContent>
        {years.loading && !years.data && <LinearProgress />}
        {years.error ? (
          <LoadErrorState error={years.error} onRetry={years.reload} />
        ) : (
          <Stack spacing={2}>
            <Typography variant="body2" color="text.secondary">
              {translate('app.calendar.help')}
            </Typography>
            <Stack direction="row" sx={{ alignItems: 'center' }} spacing={2}>
              <Tabs value={current ?? false} onChange={(_, v: number) => setSelected(v)} variant="scrollable">
                {tabs.map((y) => (
                  <Tab key={y} value={y} label={String(y)} data-testid={`year-${y}`} />
                ))}
              </Tabs>
              {hr && (
                <Button
                  startIcon={<AddIcon />}
                  onClick={() => {
                    setAdded(nextYear);
                    setSelected(nextYear);
                  }}
                  data-testid="calendar-add-year"
                >
                  {translate('app.calendar.add_year', { year: nextYear })}
                </Button>
              )}
            </Stack>
            {current === null && !years.loading && <Alert severity="info">{translate('app.calendar.none')}</Alert>}
            {current !== null && (
              <YearEditor
                key={`${current}-${record?.version ?? 0}`}
                initial={record ? inputOf(record) : blankYear(current)}
                version={record?.version ?? null}
                readOnly={!hr}
                onSaved={(y) => {
                  setSelected(y.year);
                  years.reload();
                }}
              />
            )}
          </Stack>
        )}
      </CardContent>
    </Card>
  );
};
