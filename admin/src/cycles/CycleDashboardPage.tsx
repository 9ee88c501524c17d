import NotificationsActiveIcon from '@mui/icons-material/NotificationsActive';
import { Box, Button, Card, CardContent, Chip, Grid, LinearProgress, Stack, TableCell, TableRow, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { Link, useParams } from 'react-router-dom';
import { KeyTable, Section } from '../common/KeyTable';
import { localizedName } from '../common/localizedName';
import { LoadErrorState } from '../common/LoadError';
import { useSubmit } from '../common/useSubmit';
import type { DepartmentProgress } from '../dataProvider/cycleApi';
import { Day, PhaseWindowCells, StateChip } from './common';
import { useCycleApi, useLoad, useLocale } from './useCycleApi';

const PHASE_HEADERS = ['app.cycles.phase_name', 'app.cycles.opens', 'app.cycles.closes', 'app.cycle_dashboard.phase_status', 'app.cycle_dashboard.open_tasks', 'app.cycle_dashboard.overdue_tasks'];
const DEPARTMENT_HEADERS = ['app.cycle_dashboard.department', 'app.cycle_dashboard.appraisals', 'app.cycle_dashboard.self_reviews', 'app.cycle_dashboard.ratings', 'app.cycle_dashboard.scored', 'app.cycle_dashboard.acknowledged'];
const OVERDUE_HEADERS = ['app.cycle_dashboard.owes', 'app.cycle_dashboard.task', 'app.cycle_dashboard.about', 'app.cycle_dashboard.due', 'app.cycle_dashboard.days_overdue'];

const PHASE_STATUS_COLOR: Record<string, 'default' | 'primary' | 'success'> = { UPCOMING: 'default', OPEN: 'primary', CLOSED: 'success' };

/** "done / due" with a bar, or a dash when nothing is due. */
const Progress = ({ done, due, testId }: { done: number; due: number; testId?: string }) =>
  due === 0 ? (
    <>—</>
  ) : (
    <Box sx={{ minWidth: 110 }} data-testid={testId}>
      <Typography variant="body2">
        {done} / {due}
      </Typography>
      <LinearProgress variant="determinate" value={Math.round((done / due) * 100)} sx={{ height: 6, borderRadius: 1 }} />
    </Box>
  );

const ProgressCells = ({ p, testId }: { p: DepartmentProgress; testId?: string }) => (
  <>
    <TableCell>{p.appraisals}</TableCell>
    <TableCell>
      <Progress done={p.selfReviewsDone} due={p.selfReviewsDue} />
    </TableCell>
    <TableCell>
      <Progress done={p.ratingsDone} due={p.ratingsDue} testId={testId ? `${testId}-ratings` : undefined} />
    </TableCell>
    <TableCell>
      <Progress done={p.scored} due={p.appraisals} />
    </TableCell>
    <TableCell>
      <Progress done={p.acknowledged} due={p.acknowledgementsDue} />
    </TableCell>
  </>
);

/**
 * Where one cycle stands (HR, `cycleDashboard`): each phase with its window and open/overdue tasks, progress per
 * department and in total, open tasks per kind, the overdue people with what they owe; "send reminders" runs the
 * reminder planner for this cycle now (a task is never reminded twice a day).
 */
export const CycleDashboardPage = () => {
  const { id = '' } = useParams();
  const translate = useTranslate();
  const locale = useLocale();
  const api = useCycleApi();
  const cycle = useLoad((a) => a.cycleDetail(id), [id]);
  const dashboard = useLoad((a) => a.cycleDashboard(id), [id]);
  const { busy, submit } = useSubmit();
  const remind = () =>
    submit(
      () => api.sendReminders(id),
      (run) => ({ message: 'app.cycle_dashboard.reminders_sent', args: { notifications: run.items, items: run.pending } }),
      () => dashboard.reload(),
    );
  const error = cycle.error ?? dashboard.error;
  if (error) return <LoadErrorState error={error} onRetry={() => (cycle.reload(), dashboard.reload())} />;
  const d = dashboard.data;
  const c = cycle.data;
  if (!d || !c) return <LinearProgress sx={{ mt: 2 }} />;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('app.cycle_dashboard.title', { name: localizedName(c, locale) })} />
      <CardContent>
        <Stack spacing={3}>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography variant="h5" component="h1" data-testid="dashboard-cycle">
              {localizedName(c, locale)}
            </Typography>
            <StateChip state={d.state} group="cycle" />
            <Typography color="text.secondary">
              {translate('app.cycle_dashboard.today')}: <Day value={d.today} />
            </Typography>
            <span style={{ flex: 1 }} />
            <Button variant="contained" startIcon={<NotificationsActiveIcon />} disabled={busy} onClick={() => void remind()} data-testid="send-reminders">
              {translate('app.cycle_dashboard.send_reminders')}
            </Button>
          </Stack>

          <Grid container spacing={2} data-testid="dashboard-outstanding">
            {d.outstanding.map((o) => (
              <Grid key={o.kind} size={{ xs: 12, md: 4 }}>
                <Card variant="outlined">
                  <CardContent>
                    <Typography color="text.secondary">{translate(`app.cycle_dashboard.kind.${o.kind}`)}</Typography>
                    <Typography variant="h5" data-testid={`outstanding-${o.kind}`}>
                      {translate('app.cycle_dashboard.open_count', { smart_count: o.open })}
                    </Typography>
                    <Typography variant="body2" color={o.overdue > 0 ? 'error' : 'text.secondary'}>
                      {translate('app.cycle_dashboard.overdue_count', { smart_count: o.overdue, people: o.recipients })}
                    </Typography>
                  </CardContent>
                </Card>
              </Grid>
            ))}
          </Grid>

          <Section title={translate('app.cycles.phases')}>
            <KeyTable headers={PHASE_HEADERS} testId="dashboard-phases">
              {d.phases.map((p) => (
                <TableRow key={p.phase} data-testid={`dashboard-phase-${p.phase}`}>
                  <PhaseWindowCells phase={p} />
                  <TableCell>
                    <Chip size="small" color={PHASE_STATUS_COLOR[p.status] ?? 'default'} label={translate(`app.cycle_dashboard.phase_state.${p.status}`)} />
                  </TableCell>
                  <TableCell>{p.open}</TableCell>
                  <TableCell sx={{ color: p.overdue > 0 ? 'error.main' : undefined }}>{p.overdue}</TableCell>
                </TableRow>
              ))}
            </KeyTable>
          </Section>

          <Section title={translate('app.cycle_dashboard.by_department')}>
            <KeyTable headers={DEPARTMENT_HEADERS} testId="dashboard-departments">
              {d.departments.map((p) => (
                <TableRow key={p.departmentId ?? 'none'} data-testid="dashboard-department">
                  <TableCell>{p.departmentName ?? '—'}</TableCell>
                  <ProgressCells p={p} />
                </TableRow>
              ))}
              <TableRow data-testid="dashboard-total" sx={{ '& td': { fontWeight: 600 } }}>
                <TableCell>{translate('app.cycle_dashboard.total')}</TableCell>
                <ProgressCells p={d.total} testId="total" />
              </TableRow>
            </KeyTable>
          </Section>

          <Section title={translate('app.cycle_dashboard.overdue_people', { smart_count: d.overdueCount })}>
            {d.overdue.length === 0 ? (
              <Typography color="text.secondary" data-testid="dashboard-no-overdue">
                {translate('app.cycle_dashboard.none_overdue')}
              </Typography>
            ) : (
              <KeyTable headers={OVERDUE_HEADERS} testId="dashboard-overdue">
                {d.overdue.map((o, i) => (
                  <TableRow key={`${o.appraisalId}-${o.kind}-${i}`} data-testid={`overdue-${o.recipient.employeeNumber}`}>
                    <TableCell>
                      {o.recipient.name} ({o.recipient.employeeNumber})
                    </TableCell>
                    <TableCell>{translate(`app.cycle_dashboard.kind.${o.kind}`)}</TableCell>
                    <TableCell>{o.subjectName}</TableCell>
                    <TableCell>
                      <Day value={o.due} />
                    </TableCell>
                    <TableCell>{o.daysOverdue}</TableCell>
                  </TableRow>
                ))}
              </KeyTable>
            )}
          </Section>
          <Box>
            <Button component={Link} to={`/cycles/${id}`} data-testid="dashboard-back">
              {translate('app.cycle_dashboard.back')}
            </Button>
          </Box>
        </Stack>
      </CardContent>
    </Card>
  );
};
