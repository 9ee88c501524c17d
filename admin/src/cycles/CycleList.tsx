import AddIcon from '@mui/icons-material/Add';
import { Button, Link as MuiLink, TableCell, TableRow } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { localizedName } from '../common/localizedName';
import { Day, StateChip } from './common';
import { ListCard, nodesOf } from './ListCard';
import { usePagedLoad } from './paging';
import { ratingDeadline, useLocale } from './useCycleApi';

const PAGE = 100;

export const CYCLE_STATES = ['DRAFT', 'OPEN', 'SELF_REVIEW', 'RATING', 'CALIBRATION', 'HR_REVIEW', 'PUBLISHED', 'CLOSED', 'CANCELLED'] as const;

/** Every cycle (HR), newest period first, with a state filter; a new cycle starts the wizard. */
export const CycleList = () => {
  const translate = useTranslate();
  const locale = useLocale();
  const [state, setState] = useState('');
  const { loaded: cycles, pager } = usePagedLoad((api, after) => api.cycleList(PAGE, state ? { state } : undefined, after), PAGE, [state]);
  return (
    <ListCard
      title="app.menu.cycles"
      filter={{ label: 'app.cycles.state_filter', value: state, onChange: setState, allLabel: 'app.cycles.all_states', testId: 'cycle-state-filter', options: CYCLE_STATES.map((s) => ({ value: s, label: translate(`app.cycles.cycle_state.${s}`) })) }}
      actions={
        <Button variant="contained" component={Link} to="/cycles/create" startIcon={<AddIcon />} data-testid="cycle-create">
          {translate('app.cycles.create')}
        </Button>
      }
      loaded={nodesOf(cycles)}
      pager={pager}
      empty="app.cycles.empty"
      emptyTestId="cycles-empty"
      tableTestId="cycle-table"
      columns={['app.cycles.name', 'app.cycles.scheme', 'app.cycles.period', 'app.cycles.period_dates', 'app.cycles.rating_deadline', 'app.cycles.state']}
      row={(c) => (
        <TableRow key={c.id} hover data-testid="cycle-row">
          <TableCell>
            <MuiLink component={Link} to={`/cycles/${c.id}`}>
              {localizedName(c, locale)}
            </MuiLink>
          </TableCell>
          <TableCell>{localizedName(c.scheme, locale)}</TableCell>
          <TableCell>
            {translate(`app.cycles.period_kind.${c.periodKind}`)} {c.periodKey}
          </TableCell>
          <TableCell>
            <Day value={c.periodStart} /> – <Day value={c.periodEnd} />
          </TableCell>
          <TableCell>
            <Day value={ratingDeadline(c)} />
          </TableCell>
          <TableCell>
            <StateChip state={c.state} group="cycle" />
          </TableCell>
        </TableRow>
      )}
    />
  );
};
