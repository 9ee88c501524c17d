import { Alert, Box, Button, Card, CardContent, Chip, Grid, LinearProgress, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { Suspense } from 'react';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { analyticsOps, type CompletionRow } from '../analytics/api';
import { KeyCharts } from '../analytics';
import { canUseAnalytics, isOrgManager, type Role } from '../auth/roles';
import { formatDate, formatNumber } from '../common/format';
import { LoadErrorState } from '../common/LoadError';
import { StateChip } from '../cycles/common';
import { localText, type Loaded, useLoad, useLocale } from '../cycles/useCycleApi';

const OPEN_STATES = new Set(['OPEN', 'SELF_REVIEW', 'RATING', 'CALIBRATION', 'HR_REVIEW']);

interface InboxTask {
  id: string;
  taskKind: string | null;
  title: { en: string; zh: string };
  due: string | null;
  link: { type: string; id: string };
}

const TASK_ROUTES: Record<string, string> = { Rating: '/to-rate', Appraisal: '/my-appraisals', PolicyVersion: '/policies', Nomination: '/honors' };

const Panel = ({ title, testId, children, to }: { title: string; testId: string; children: React.ReactNode; to?: string }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ height: '100%' }} data-testid={testId}>
      <CardContent>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
          <Typography variant="h6" component="h2">
            {translate(title)}
          </Typography>
          {to && (
            <Button component={Link} to={to} size="small">
              {translate('app.home.view_all')}
            </Button>
          )}
        </Stack>
        {children}
      </CardContent>
    </Card>
  );
};

/** Loading bar, the API's answer as an error state, or the content. */
function Loading<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => React.ReactNode }) {
  if (loaded.error) return <LoadErrorState error={loaded.error} onRetry={loaded.reload} />;
  if (loaded.data === undefined) return <LinearProgress />;
  return <>{children(loaded.data)}</>;
}

/** Per phase: done of total, with the overdue ones (the completion aggregate's overall rows). */
const CompletionLines = ({ rows, testId }: { rows: CompletionRow[]; testId: string }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const overall = rows.filter((r) => r.departmentId === null && r.total > 0);
  if (overall.length === 0) return <Typography color="text.secondary">{translate('app.home.no_tasks')}</Typography>;
  return (
    <Stack spacing={1} data-testid={testId}>
      {overall.map((r) => (
        <Box key={r.phase} data-testid={`${testId}-${r.phase}`}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Typography sx={{ minWidth: 140 }}>{translate(`app.analytics.completion.phases.${r.phase}`)}</Typography>
            <Typography variant="body2">
              {formatNumber(r.done, locale)} / {formatNumber(r.total, locale)} ({formatNumber(r.percent, locale)}%)
            </Typography>
            {r.overdue > 0 && <Chip size="small" color="error" label={`${translate('app.analytics.completion.overdue')}: ${formatNumber(r.overdue, locale)}`} />}
          </Stack>
          <LinearProgress variant="determinate" value={r.total ? (100 * r.done) / r.total : 0} sx={{ mt: 0.5 }} />
        </Box>
      ))}
    </Stack>
  );
};

/** HR: the cycles running now, the overdue tasks across the group, and the key charts. */
const HrPanels = () => {
  const translate = useTranslate();
  const locale = useLocale();
  const cycles = useLoad((api) => analyticsOps.cycles(api), []);
  const completion = useLoad((api) => analyticsOps.completion(api), []);
  return (
    <>
      <Grid size={{ xs: 12, md: 6 }}>
        <Panel title="app.home.open_cycles" testId="home-open-cycles" to="/cycles">
          <Loading loaded={cycles}>
            {(data) => {
              const open = data.nodes.filter((c) => OPEN_STATES.has(c.state));
              if (open.length === 0) return <Typography color="text.secondary">{translate('app.home.no_open_cycles')}</Typography>;
              return (
                <List dense disablePadding>
                  {open.map((c) => (
                    <ListItem key={c.id} disableGutters secondaryAction={<StateChip state={c.state} group="cycle" />}>
                      <ListItemText primary={<Link to={`/cycles/${c.id}/dashboard`}>{localText({ en: c.name, zh: c.nameZh ?? '' }, locale)}</Link>} secondary={formatDate(c.periodEnd, locale)} />
                    </ListItem>
                  ))}
                </List>
              );
            }}
          </Loading>
        </Panel>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Panel title="app.home.completion" testId="home-overdue" to="/analytics">
          <Loading loaded={completion}>{(data) => <CompletionLines rows={data.completion} testId="home-completion" />}</Loading>
        </Panel>
      </Grid>
      <Grid size={{ xs: 12 }}>
        <Typography variant="h6" component="h2" sx={{ mt: 1, mb: 1 }}>
          {translate('app.home.key_charts')}
        </Typography>
        <Suspense fallback={<LinearProgress />}>
          <KeyCharts />
        </Suspense>
      </Grid>
    </>
  );
};

/** A supervisor: their own rating tasks (to do, done) and the tasks of their line per phase. */
const SupervisorPanels = () => {
  const translate = useTranslate();
  const locale = useLocale();
  const ratings = useLoad(
    (api) =>
      api.governance<{ todo: { totalCount: number }; returned: { totalCount: number }; draft: { totalCount: number }; done: { totalCount: number } }>(
        `query { todo: myRatingTasks(first: 1, filter: { state: PENDING }) { totalCount } draft: myRatingTasks(first: 1, filter: { state: DRAFT }) { totalCount }
                 returned: myRatingTasks(first: 1, filter: { state: RETURNED }) { totalCount } done: myRatingTasks(first: 1, filter: { state: SUBMITTED }) { totalCount } }`,
      ),
    [],
  );
  const completion = useLoad((api) => analyticsOps.completion(api), []);
  return (
    <>
      <Grid size={{ xs: 12, md: 6 }}>
        <Panel title="app.home.team_progress" testId="home-team-progress" to="/to-rate">
          <Loading loaded={ratings}>
            {(r) => (
              <Stack direction="row" spacing={4}>
                <Box data-testid="home-ratings-todo">
                  <Typography variant="h4">{formatNumber(r.todo.totalCount + r.draft.totalCount + r.returned.totalCount, locale)}</Typography>
                  <Typography color="text.secondary">{translate('app.home.ratings_to_do')}</Typography>
                </Box>
                <Box data-testid="home-ratings-done">
                  <Typography variant="h4">{formatNumber(r.done.totalCount, locale)}</Typography>
                  <Typography color="text.secondary">{translate('app.home.ratings_done')}</Typography>
                </Box>
              </Stack>
            )}
          </Loading>
        </Panel>
      </Grid>
      <Grid size={{ xs: 12, md: 6 }}>
        <Panel title="app.home.team_completion" testId="home-line-completion" to="/analytics">
          <Loading loaded={completion}>{(data) => <CompletionLines rows={data.completion} testId="home-line" />}</Loading>
        </Panel>
      </Grid>
    </>
  );
};

/** Open tasks of the caller's inbox (self-review, acknowledgement, policies, votes...), with unread notices. */
const TaskPanel = ({ kind }: { kind: 'mine' | 'votes' }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const filter = kind === 'votes' ? { kind: 'TASK', openOnly: true, taskKind: 'vote' } : { kind: 'TASK', openOnly: true };
  const inbox = useLoad(
    (api) =>
      api.governance<{ myInbox: { totalCount: number; nodes: InboxTask[] }; inboxCounts: { unreadNotices: number; overdueTasks: number } }>(
        'query($f: InboxFilter) { myInbox(first: 8, filter: $f) { totalCount nodes { id taskKind title { en zh } due link { type id } } } inboxCounts { unreadNotices overdueTasks } }',
        { f: filter },
      ),
    [kind],
  );
  const today = new Date().toISOString().slice(0, 10);
  const tasks = (items: InboxTask[]) => (kind === 'mine' ? items.filter((t) => t.taskKind !== 'vote') : items);
  return (
    <Panel title={kind === 'votes' ? 'app.home.votes_open' : 'app.home.my_tasks'} testId={kind === 'votes' ? 'home-votes' : 'home-my-tasks'} to={kind === 'votes' ? '/honors' : '/inbox'}>
      <Loading loaded={inbox}>
        {(data) => (
          <>
            {tasks(data.myInbox.nodes).length === 0 ? (
              <Typography color="text.secondary">{translate(kind === 'votes' ? 'app.home.no_votes' : 'app.home.no_tasks')}</Typography>
            ) : (
              <List dense disablePadding>
                {tasks(data.myInbox.nodes).map((t) => (
                  <ListItem key={t.id} disableGutters data-testid="home-task">
                    <ListItemText
                      primary={<Link to={TASK_ROUTES[t.link.type] ?? '/inbox'}>{localText(t.title, locale)}</Link>}
                      secondary={t.due ? translate('app.home.due', { date: formatDate(t.due, locale) }) : null}
                    />
                    {t.due && t.due < today && <Chip size="small" color="error" label={translate('app.home.overdue_chip')} />}
                  </ListItem>
                ))}
              </List>
            )}
            {kind === 'mine' && data.inboxCounts.unreadNotices > 0 && (
              <Alert severity="info" sx={{ mt: 1 }} data-testid="home-unread-notices">
                {translate('app.home.unread_notices')}: {formatNumber(data.inboxCounts.unreadNotices, locale)}
              </Alert>
            )}
          </>
        )}
      </Loading>
    </Panel>
  );
};

/**
 * What each role needs first, from what it may read (the API decides): HR the running cycles, the overdue tasks
 * and the key charts; a supervisor their team's progress; everyone with an employee record their open tasks and
 * unread notices; committee members the ballots open for their vote.
 */
export const RolePanels = ({ roles, employeeId }: { roles: Role[]; employeeId: string | null | undefined }) => {
  const hr = isOrgManager(roles);
  const supervisor = !hr && canUseAnalytics(roles);
  const committee = roles.includes('COMMITTEE');
  const tasks = !!employeeId && (roles.includes('EMPLOYEE') || roles.includes('SUPERVISOR'));
  if (!hr && !supervisor && !tasks && !committee) return null;
  return (
    <Grid container spacing={2} data-testid="role-panels">
      {hr && <HrPanels />}
      {supervisor && <SupervisorPanels />}
      {tasks && (
        <Grid size={{ xs: 12, md: 6 }}>
          <TaskPanel kind="mine" />
        </Grid>
      )}
      {committee && employeeId && (
        <Grid size={{ xs: 12, md: 6 }}>
          <TaskPanel kind="votes" />
        </Grid>
      )}
    </Grid>
  );
};
