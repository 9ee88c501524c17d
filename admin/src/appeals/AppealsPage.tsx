import { Card, CardContent, Chip, Link as MuiLink, Stack, TableCell, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { isOrgManager } from '../auth/roles';
import { useRoles } from '../auth/useRoles';
import { ListCard } from '../cycles/ListCard';
import { Day } from '../cycles/common';
import { useLoad } from '../cycles/useCycleApi';
import { APPEALS, type AppealSummary, DASHBOARD } from './api';
import { AppealStateChip, DueFlags, OutcomeChip } from './parts';

const VIEWS: Record<string, Record<string, unknown>> = {
  open: { state: ['FILED', 'UNDER_REVIEW'] },
  overdue: { overdue: true },
  near_due: { nearDue: true },
  decided: { state: ['DECIDED'] },
  closed: { state: ['CLOSED', 'WITHDRAWN'] },
};

/** HR's appeal desk: open, overdue, near due and decided appeals. */
const Desk = () => {
  const translate = useTranslate();
  const desk = useLoad((api) => api.governance<{ appealDashboard: { open: number; overdue: number; nearDue: number; decided: number } }>(DASHBOARD), []);
  const d = desk.data?.appealDashboard;
  if (!d) return null;
  return (
    <Card sx={{ mt: 2 }} data-testid="appeal-desk">
      <CardContent>
        <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap' }}>
          <Chip label={translate('app.appeals.desk.open', { n: d.open })} color="primary" variant="outlined" />
          <Chip label={translate('app.appeals.desk.overdue', { n: d.overdue })} color={d.overdue ? 'error' : 'default'} variant="outlined" data-testid="desk-overdue" />
          <Chip label={translate('app.appeals.desk.near_due', { n: d.nearDue })} color={d.nearDue ? 'warning' : 'default'} variant="outlined" data-testid="desk-near-due" />
          <Chip label={translate('app.appeals.desk.decided', { n: d.decided })} variant="outlined" />
        </Stack>
      </CardContent>
    </Card>
  );
};

/**
 * The appeal queue: HR sees every appeal (soonest due first) with its due date in working days and the overdue /
 * near-due flags; anyone else sees the appeals they filed or HR assigned them (the API scopes the rows).
 */
export const AppealsPage = () => {
  const translate = useTranslate();
  const { roles } = useRoles();
  const hr = isOrgManager(roles);
  const [view, setView] = useState('open');
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const list = useLoad(
    async (api) => {
      const f = { ...(VIEWS[view] ?? {}), ...(search ? { q: search } : {}) };
      return (await api.governance<{ appeals: { nodes: AppealSummary[] } }>(APPEALS, { f, s: [{ field: 'DUE_ON', direction: 'ASC' }] })).appeals.nodes;
    },
    [view, search],
  );
  return (
    <>
      {hr && <Desk />}
      <ListCard
        title="app.menu.appeals"
        filter={{
          label: 'app.appeals.show',
          value: view,
          onChange: setView,
          allLabel: 'app.appeals.view.all',
          testId: 'appeal-view',
          options: Object.keys(VIEWS).map((v) => ({ value: v, label: translate(`app.appeals.view.${v}`) })),
        }}
        actions={
          <TextField
            size="small"
            label={translate('ra.action.search')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && setSearch(q.trim())}
            onBlur={() => setSearch(q.trim())}
            slotProps={{ htmlInput: { 'data-testid': 'appeal-search' } }}
          />
        }
        loaded={list}
        empty="app.appeals.empty"
        emptyTestId="appeals-empty"
        tableTestId="appeals-table"
        columns={['app.appeals.appellant', 'app.appeals.target', 'app.appeals.filed_on', 'app.appeals.due_on', 'app.appeals.flags', 'app.appeals.state_label']}
        row={(a) => (
          <TableRow key={a.id} hover data-testid={`appeal-row-${a.id}`}>
            <TableCell>
              <MuiLink component={Link} to={`/appeals/${a.id}`} data-testid="appeal-open">
                {a.appellant}
              </MuiLink>
            </TableCell>
            <TableCell>
              {translate(`app.appeals.kind.${a.target.kind}`)}
              {a.target.periodKey && (
                <Typography component="span" color="text.secondary" sx={{ ml: 1 }}>
                  {a.target.periodKey}
                </Typography>
              )}
            </TableCell>
            <TableCell>
              <Day value={a.filedOn} />
            </TableCell>
            <TableCell>
              <Day value={a.dueOn} />
            </TableCell>
            <TableCell>
              <DueFlags state={a.state} flags={a.flags} />
            </TableCell>
            <TableCell>
              <Stack direction="row" spacing={1}>
                <AppealStateChip state={a.state} />
                <OutcomeChip outcome={a.outcome} />
              </Stack>
            </TableCell>
          </TableRow>
        )}
      />
    </>
  );
};
