import { Button, Card, CardContent, LinearProgress, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { localizedName } from '../common/localizedName';
import { LoadErrorState } from '../common/LoadError';
import { Day, StateChip } from './common';
import { ratingDeadline, useLoad, useLocale } from './useCycleApi';

const RATING_STATES = ['PENDING', 'DRAFT', 'SUBMITTED', 'RETURNED'] as const;

/** The rater's inbox: each person to rate with the cycle, the deadline and where the rating stands. */
export const RatingInbox = () => {
  const translate = useTranslate();
  const locale = useLocale();
  const [state, setState] = useState('');
  const tasks = useLoad((api) => api.myRatingTasks(200, state ? { state } : undefined), [state]);
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('app.menu.to_rate')} />
      <CardContent>
        <Stack spacing={2}>
          <TextField select size="small" label={translate('app.rating.state_filter')} value={state} onChange={(e) => setState(e.target.value)} sx={{ maxWidth: 240 }}>
            <MenuItem value="">{translate('app.cycles.all_states')}</MenuItem>
            {RATING_STATES.map((s) => (
              <MenuItem key={s} value={s}>
                {translate(`app.cycles.rating_state.${s}`)}
              </MenuItem>
            ))}
          </TextField>
          {tasks.loading && <LinearProgress />}
          {tasks.error ? (
            <LoadErrorState error={tasks.error} onRetry={tasks.reload} />
          ) : tasks.data && tasks.data.nodes.length === 0 ? (
            <Typography color="text.secondary" data-testid="tasks-empty">
              {translate('app.rating.empty')}
            </Typography>
          ) : (
            <Table size="small" data-testid="task-table">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('app.rating.person')}</TableCell>
                  <TableCell>{translate('app.rating.cycle')}</TableCell>
                  <TableCell>{translate('app.rating.deadline')}</TableCell>
                  <TableCell>{translate('app.rating.status')}</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {(tasks.data?.nodes ?? []).map((t) => (
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
                ))}
              </TableBody>
            </Table>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};
