import { TableCell, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { readSession } from '../auth/session';
import { formatNumber } from '../common/format';
import { localizedName } from '../common/localizedName';
import { Day, StateChip } from './common';
import { ListCard } from './ListCard';
import { usePagedLoad } from './paging';
import { APPRAISALS_PAGE } from '../dataProvider/cycleApi';
import { localText, useLocale } from './useCycleApi';

/**
 * Team results (supervisor): the published appraisals of the reporting line, read-only, newest first. The total and
 * grade show where the scheme lets supervisors see results; otherwise the row says they are hidden.
 */
export const TeamResults = () => {
  const translate = useTranslate();
  const locale = useLocale();
  const me = readSession()?.user.employeeId ?? null;
  // The line's appraisals come 100 at a time (with their results, one aliased field each); the published ones show.
  const { loaded: list, pager } = usePagedLoad((api, after) => api.teamResults(me, after), APPRAISALS_PAGE, [me]);
  const [cycleId, setCycleId] = useState('');
  const cycles = [...new Map((list.data?.nodes ?? []).map((a) => [a.cycle.id, a.cycle])).values()];
  const data = list.data?.nodes.filter((a) => !cycleId || a.cycle.id === cycleId).sort((a, b) => b.cycle.periodEnd.localeCompare(a.cycle.periodEnd) || a.employee.employeeNumber.localeCompare(b.employee.employeeNumber));
  return (
    <ListCard
      title="app.menu.team_results"
      filter={{ label: 'app.team.cycle_filter', value: cycleId, onChange: setCycleId, allLabel: 'app.team.all_cycles', testId: 'team-cycle-filter', options: cycles.map((c) => ({ value: c.id, label: localizedName(c, locale) })) }}
      loaded={{ ...list, data }}
      pager={pager}
      empty="app.team.empty"
      emptyTestId="team-empty"
      tableTestId="team-table"
      columns={['app.team.person', 'app.team.cycle', 'app.team.period', 'app.team.total', 'app.team.grade', 'app.team.state']}
      row={(a) => (
        <TableRow key={a.id} data-testid={`team-${a.employee.employeeNumber}`}>
          <TableCell>
            {a.employee.name} ({a.employee.employeeNumber})
          </TableCell>
          <TableCell>{localizedName(a.cycle, locale)}</TableCell>
          <TableCell>
            <Day value={a.cycle.periodStart} /> – <Day value={a.cycle.periodEnd} />
          </TableCell>
          {a.hidden ? (
            <TableCell colSpan={2}>
              <Typography variant="body2" color="text.secondary">
                {translate('app.team.hidden')}
              </Typography>
            </TableCell>
          ) : (
            <>
              <TableCell data-testid="team-total">{a.total == null ? '—' : formatNumber(a.total, locale)}</TableCell>
              <TableCell data-testid="team-grade">{a.grade ? localText(a.cycle.schemeVersion.document.gradeBands.find((b) => b.grade === a.grade)?.label, locale) || a.grade : '—'}</TableCell>
            </>
          )}
          <TableCell>
            <StateChip state={a.state} group="appraisal" />
          </TableCell>
        </TableRow>
      )}
    />
  );
};
