import AddIcon from '@mui/icons-material/Add';
import { Button, Card, CardContent, LinearProgress, Link as MuiLink, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { LoadErrorState } from '../common/LoadError';
import { Day, StateChip } from './common';
import { localizedName } from '../common/localizedName';
import { ratingDeadline, useLoad, useLocale } from './useCycleApi';

export const CYCLE_STATES = ['DRAFT', 'OPEN', 'SELF_REVIEW', 'RATING', 'CALIBRATION', 'HR_REVIEW', 'PUBLISHED', 'CLOSED', 'CANCELLED'] as const;

/** Every cycle (HR), newest period first, with a state filter; a new cycle starts the wizard. */
export const CycleList = () => {
  const translate = useTranslate();
  const locale = useLocale();
  const [state, setState] = useState('');
  const cycles = useLoad((api) => api.cycleList(200, state ? { state } : undefined), [state]);
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('app.menu.cycles')} />
      <CardContent>
        <Stack spacing={2}>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <TextField select size="small" label={translate('app.cycles.state_filter')} value={state} onChange={(e) => setState(e.target.value)} sx={{ minWidth: 200 }} slotProps={{ htmlInput: { 'data-testid': 'cycle-state-filter' } }}>
              <MenuItem value="">{translate('app.cycles.all_states')}</MenuItem>
              {CYCLE_STATES.map((s) => (
                <MenuItem key={s} value={s}>
                  {translate(`app.cycles.cycle_state.${s}`)}
                </MenuItem>
              ))}
            </TextField>
            <span style={{ flex: 1 }} />
            <Button variant="contained" component={Link} to="/cycles/create" startIcon={<AddIcon />} data-testid="cycle-create">
              {translate('app.cycles.create')}
            </Button>
          </Stack>
          {cycles.loading && <LinearProgress />}
          {cycles.error ? (
            <LoadErrorState error={cycles.error} onRetry={cycles.reload} />
          ) : cycles.data && cycles.data.nodes.length === 0 ? (
            <Typography color="text.secondary" data-testid="cycles-empty">
              {translate('app.cycles.empty')}
            </Typography>
          ) : (
            <Table size="small" data-testid="cycle-table">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('app.cycles.name')}</TableCell>
                  <TableCell>{translate('app.cycles.scheme')}</TableCell>
                  <TableCell>{translate('app.cycles.period')}</TableCell>
                  <TableCell>{translate('app.cycles.period_dates')}</TableCell>
                  <TableCell>{translate('app.cycles.rating_deadline')}</TableCell>
                  <TableCell>{translate('app.cycles.state')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {(cycles.data?.nodes ?? []).map((c) => (
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
                ))}
              </TableBody>
            </Table>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};
