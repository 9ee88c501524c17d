import { Alert, Box, Button, Card, CardContent, LinearProgress, MenuItem, Stack, Tab, Table, TableBody, TableCell, TableHead, TableRow, Tabs, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { Link, useParams } from 'react-router-dom';
import { useRoles } from '../auth/useRoles';
import { LoadErrorState } from '../common/LoadError';
import { errorMessage } from '../cycles/common';
import { useCycleApi, useLoad, useLocale } from '../cycles/useCycleApi';
import { ledgerOps, PAGE_SIZE, type EntryFilter, type EntryRow, type Person } from './api';
import { Money, Pager, ReasonDialog, ruleName, UnitAmount, useComponentLabel } from './common';
import { PersonPicker } from '../common/PersonPicker';
import { EntryTable } from './EntryTable';
import { ProposeDialog } from './ProposeDialog';
import { RulesTab } from './RulesTab';
import { MonthFields, StatementView, useMonths } from './Statement';

const TABS = ['entries', 'rules', 'statement', 'totals'] as const;
type TabKey = (typeof TABS)[number];
const STATUSES = ['PROPOSED', 'APPROVED', 'PAID', 'REJECTED', 'WITHDRAWN'];
const SOURCES = ['MANUAL', 'TEAM', 'APPRAISAL', 'AWARD', 'REVERSAL'];

/** Where an entry's appraisal result is explained: the cycle for HR, the team's results for a supervisor. */
const useAppraisalHref = () => {
  const { roles } = useRoles();
  if (roles.includes('HR')) return (cycleId: string) => `/cycles/${cycleId}`;
  if (roles.includes('SUPERVISOR')) return () => '/team-results';
  return undefined;
};

/** The entries HR (all) or a supervisor (their line and what they proposed) may see, filtered and paged, with the workflow buttons. */
const EntriesTab = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const locale = useLocale();
  const api = useCycleApi();
  const { roles } = useRoles();
  const hr = roles.includes('HR');
  const appraisalHref = useAppraisalHref();
  const [person, setPerson] = useState<Person | null>(null);
  const [filter, setFilter] = useState<EntryFilter>({});
  const [offset, setOffset] = useState(0);
  const [proposing, setProposing] = useState(false);
  const [rejecting, setRejecting] = useState<EntryRow | null>(null);
  const [reversing, setReversing] = useState<EntryRow | null>(null);
  const rules = useLoad((a) => ledgerOps.rules(a), []);
  const departments = useLoad((a) => (hr ? ledgerOps.departments(a) : Promise.resolve({ totalCount: 0, nodes: [] })), [hr]);
  const query: EntryFilter = { ...filter, employeeId: person?.id };
  const entries = useLoad((a) => ledgerOps.entries(a, query, offset), [JSON.stringify(query), offset]);
  const set = (patch: EntryFilter) => {
    setFilter({ ...filter, ...patch });
    setOffset(0);
  };
  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      notify(done, { type: 'success' });
      entries.reload();
    } catch (e) {
      notify(errorMessage(e), { type: 'error' });
    }
  };
  const select = (label: string, key: keyof EntryFilter, options: Array<{ value: string; label: string }>, testId: string) => (
    <TextField select size="small" label={translate(label)} value={filter[key] ?? ''} onChange={(e) => set({ [key]: e.target.value || undefined })} fullWidth={false} sx={{ width: 200 }} slotProps={{ htmlInput: { 'data-testid': testId } }}>
      <MenuItem value="">{translate('app.ledger.filter.all')}</MenuItem>
      {options.map((o) => (
        <MenuItem key={o.value} value={o.value}>
          {o.label}
        </MenuItem>
      ))}
    </TextField>
  );
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <PersonPicker
          value={person}
          onChange={(p) => {
            setPerson(p);
            setOffset(0);
          }}
          label="app.ledger.filter.person"
          testId="filter-person"
        />
        {hr && select('app.ledger.filter.department', 'departmentId', (departments.data?.nodes ?? []).map((d) => ({ value: d.id, label: locale === 'zh' ? d.nameZh || d.name : d.name })), 'filter-department')}
        {select('app.ledger.filter.rule', 'ruleCode', (rules.data?.nodes ?? []).map((r) => ({ value: r.code, label: ruleName(r, locale) })), 'filter-rule')}
        {select('app.ledger.filter.status', 'status', STATUSES.map((s) => ({ value: s, label: translate(`app.ledger.status.${s}`) })), 'filter-status')}
        {select('app.ledger.filter.source', 'sourceKind', SOURCES.map((s) => ({ value: s, label: translate(`app.ledger.source.${s}`) })), 'filter-source')}
        <TextField size="small" label={translate('app.ledger.filter.from')} placeholder={translate('app.ledger.filter.month_help')} value={filter.periodFrom ?? ''} onChange={(e) => set({ periodFrom: /^\d{4}-\d{2}$/.test(e.target.value) ? e.target.value : undefined })} sx={{ width: 130 }} />
        <TextField size="small" label={translate('app.ledger.filter.to')} placeholder={translate('app.ledger.filter.month_help')} value={filter.periodTo ?? ''} onChange={(e) => set({ periodTo: /^\d{4}-\d{2}$/.test(e.target.value) ? e.target.value : undefined })} sx={{ width: 130 }} />
        <span style={{ flex: 1 }} />
        <Button variant="contained" onClick={() => setProposing(true)} data-testid="ledger-propose">
          {translate('app.ledger.propose')}
        </Button>
      </Stack>
      {entries.loading && <LinearProgress />}
      {entries.error ? (
        <LoadErrorState error={entries.error} onRetry={entries.reload} />
      ) : entries.data && entries.data.nodes.length === 0 ? (
        <Alert severity="info" data-testid="ledger-entries-empty">
          {translate('app.ledger.none')}
        </Alert>
      ) : (
        <EntryTable
          entries={entries.data?.nodes ?? []}
          appraisalHref={appraisalHref}
          actions={hr ? { onApprove: (e) => void run(() => ledgerOps.approve(api, e), 'app.ledger.approved'), onReject: setRejecting, onReverse: setReversing } : {}}
        />
      )}
      {entries.data && <Pager offset={offset} pageSize={PAGE_SIZE} total={entries.data.totalCount} onChange={setOffset} />}
      <ProposeDialog
        open={proposing}
        rules={rules.data?.nodes ?? []}
        onClose={() => setProposing(false)}
        onDone={() => {
          setProposing(false);
          entries.reload();
        }}
      />
      <ReasonDialog
        open={rejecting !== null}
        title="app.ledger.reject"
        help="app.ledger.reject_help"
        confirmLabel="app.ledger.reject"
        onClose={() => setRejecting(null)}
        onConfirm={async (reason) => {
          if (rejecting) await run(() => ledgerOps.reject(api, rejecting, reason), 'app.ledger.rejected');
          setRejecting(null);
        }}
      />
      <ReasonDialog
        open={reversing !== null}
        title="app.ledger.reverse"
        help="app.ledger.reverse_help"
        confirmLabel="app.ledger.reverse"
        onClose={() => setReversing(null)}
        onConfirm={async (reason) => {
          if (reversing) await run(() => ledgerOps.reverse(api, reversing.id, reason), 'app.ledger.reversed');
          setReversing(null);
        }}
      />
    </Stack>
  );
};

/** One person's statement (HR: anyone; a supervisor: their line). */
const StatementTab = () => {
  const translate = useTranslate();
  const months = useMonths();
  const appraisalHref = useAppraisalHref();
  const [person, setPerson] = useState<Person | null>(null);
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
        <PersonPicker value={person} onChange={setPerson} label="app.ledger.filter.person" testId="statement-person" />
        <MonthFields months={months} />
      </Stack>
      {person ? (
        <>
          <Typography variant="h6">{translate('app.ledger.statement_of', { name: person.name })}</Typography>
          {months.valid && <StatementView employeeId={person.id} from={months.from} to={months.to} appraisalHref={appraisalHref} />}
        </>
      ) : (
        <Alert severity="info">{translate('app.ledger.statement_pick')}</Alert>
      )}
    </Stack>
  );
};

/** Department totals by unit and component over accounting months (HR), summed by the database. */
const TotalsTab = () => {
  const translate = useTranslate();
  const locale = useLocale();
  const months = useMonths();
  const componentLabel = useComponentLabel();
  const totals = useLoad((a) => (months.valid ? ledgerOps.totals(a, months.from, months.to) : Promise.resolve([])), [months.from, months.to, months.valid]);
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2}>
        <MonthFields months={months} />
      </Stack>
      {totals.loading && <LinearProgress />}
      {totals.error ? (
        <LoadErrorState error={totals.error} onRetry={totals.reload} />
      ) : totals.data && totals.data.length === 0 ? (
        <Alert severity="info">{translate('app.ledger.totals_none')}</Alert>
      ) : (
        <Table size="small" data-testid="ledger-totals">
          <TableHead>
            <TableRow>
              {['department', 'unit', 'component', 'rewards', 'punishments', 'net', 'money', 'entries', 'people'].map((c) => (
                <TableCell key={c} align={['department', 'unit', 'component'].includes(c) ? 'left' : 'right'}>
                  {translate(`app.ledger.col.${c}`)}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {(totals.data ?? []).map((t) => (
              <TableRow key={`${t.departmentId}-${t.unit}-${t.component}`}>
                <TableCell>{t.departmentName}</TableCell>
                <TableCell>{translate(`app.ledger.unit.${t.unit}`)}</TableCell>
                <TableCell>{componentLabel(t.component)}</TableCell>
                <TableCell align="right">
                  <UnitAmount value={t.rewards} unit={t.unit} />
                </TableCell>
                <TableCell align="right">
                  <UnitAmount value={t.punishments} unit={t.unit} />
                </TableCell>
                <TableCell align="right">
                  <UnitAmount value={t.net} unit={t.unit} />
                </TableCell>
                <TableCell align="right">
                  <Money value={t.money} />
                </TableCell>
                <TableCell align="right">{new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en-US').format(t.entries)}</TableCell>
                <TableCell align="right">{new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en-US').format(t.people)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Stack>
  );
};

/**
 * The ledger (HR and supervisors): entries with filters and the workflow, the rule catalog, a person's statement
 * and, for HR, department totals. Each tab has its own address (`/ledger/rules`, ...).
 */
export const LedgerPage = () => {
  const translate = useTranslate();
  const { roles } = useRoles();
  const { tab } = useParams();
  const hr = roles.includes('HR');
  const tabs = TABS.filter((t) => t !== 'totals' || hr);
  const current: TabKey = tabs.find((t) => t === tab) ?? 'entries';
  return (
    <Box sx={{ p: 2 }}>
      <Title title={translate('app.menu.ledger')} />
      <Typography variant="h5" gutterBottom>
        {translate('app.menu.ledger')}
      </Typography>
      <Typography variant="body2" color="text.secondary" gutterBottom>
        {translate('app.entry.ledger')}
      </Typography>
      <Tabs value={current} sx={{ mb: 2 }}>
        {tabs.map((t) => (
          <Tab key={t} value={t} label={translate(`app.ledger.tab.${t}`)} component={Link} to={t === 'entries' ? '/ledger/entries' : `/ledger/${t}`} data-testid={`ledger-tab-${t}`} />
        ))}
      </Tabs>
      <Card>
        <CardContent>
          {current === 'entries' && <EntriesTab />}
          {current === 'rules' && <RulesTab />}
          {current === 'statement' && <StatementTab />}
          {current === 'totals' && <TotalsTab />}
        </CardContent>
      </Card>
    </Box>
  );
};
