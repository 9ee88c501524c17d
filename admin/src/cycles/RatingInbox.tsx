import { Button, TableCell, TableRow } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { localizedName } from '../common/localizedName';
import { Day, StateChip } from './common';
import { ListCard, nodesOf } from './ListCard';
import { usePagedLoad } from './paging';
import { ratingDeadline, useLocale } from './useCycleApi';

const PAGE = 100;

const RATING_STATES = ['PENDING', 'DRAFT', 'SUBMITTED', 'RETURNED'] as const;

/** The rater's inbox: each person to rate with the cycle, the deadline and where the rating stands. */
export const RatingInbox = () => {
  const translate = useTranslate();
  const locale = useLocale();
  const [state, setState] = useState('');
  const { loaded: tasks, pager } = usePagedLoad((api, after) => api.myRatingTasks(PAGE, state ? { state } : undefined, after), PAGE, [state]);
  return (
    <ListCard
      title="app.menu.to_rate"
      filter={{ label: 'app.rating.state_filter', value: state, onChange: setState, allLabel: 'app.cycles.all_states', options: RATING_STATES.map((s) => ({ value: s, label: translate(`app.cycles.rating_state.${s}`) })) }}
      loaded={nodesOf(tasks)}
      pager={pager}
      empty="app.rating.empty"
      emptyTestId="tasks-empty"
      tableTestId="task-table"
      columns={['app.rating.person', 'app.rating.cycle', 'app.rating.deadline', 'app.rating.status', '']}
      row={(t) => (
        <TableRow key={t.id} hover data-testid={`task-${t.appraisal.employee.employeeNumber}`}>
          <TableCell>
            {t.appraisal.employee.name} ({t.appraisal.employee.employeeNumber})
          </TableCell>
          <TableCell>{localizedName(t.appraisal.cycle, locale)}</TableCell>
          <TableCell>
            <Day value={ratingDeadline(t.appraisal.cycle)} />
          </TableCell>
          <TableCell>
            <StateChip state={t.state} group="rating" />
          </TableCell>
          <TableCell>
            <Button size="small" variant="outlined" component={Link} to={`/to-rate/${t.appraisal.id}/${t.id}`} data-testid="task-open">
              {translate(t.state === 'SUBMITTED' ? 'app.rating.view' : 'app.rating.rate')}
            </Button>
          </TableCell>
        </TableRow>
      )}
    />
  );
};
