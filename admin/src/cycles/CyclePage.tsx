import { cycleWorkflow } from '@appraisal/domain/workflow/cycle';
import DashboardIcon from '@mui/icons-material/SpaceDashboard';
import InputIcon from '@mui/icons-material/Input';
import { Alert, Box, Button, Card, CardContent, Dialog, DialogActions, DialogContent, DialogTitle, Grid, LinearProgress, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useCallback, useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { Link, useParams } from 'react-router-dom';
import { localizedName } from '../common/localizedName';
import { LoadErrorState } from '../common/LoadError';
import { useSubmit } from '../common/useSubmit';
import type { CycleDetail } from '../dataProvider/cycleApi';
import { Day, PhaseTable, StateChip } from './common';
import { CycleWizardSteps, LaunchStep } from './CycleWizard';
import { RatersPanel } from './RatersPanel';
import { ResultsPanel } from './ResultsPanel';
import { useCycleApi, useLoad, useLocale } from './useCycleApi';
import { LocalDateField } from '../common/LocalDateField';

/** Workflow steps HR takes from each state (launching is the wizard's). */
const actionsFrom = (state: string): string[] =>
  cycleWorkflow.transitions
    .filter((t) => (t.from as readonly string[]).includes(state.toLowerCase()) && t.action !== 'open')
    .map((t) => t.action.toUpperCase());

/** Publishing and closing have mutations of their own; the rest go through transitionCycle. */
const runAction = (api: ReturnType<typeof useCycleApi>, cycle: CycleDetail, action: string, reason?: string): Promise<CycleDetail> => {
  if (action === 'PUBLISH') return api.publishCycle(cycle.id, cycle.version, reason);
  if (action === 'CLOSE') return api.closeCycle(cycle.id, cycle.version);
  return api.transitionCycle(cycle.id, cycle.version, action, reason);
};

const WINDOWS = ['SELF_REVIEW', 'RATING', 'CALIBRATION', 'HR_REVIEW', 'ACKNOWLEDGEMENT'] as const;

/** The workflow buttons; cancelling asks for a reason. */
const Transitions = ({ cycle, onChanged }: { cycle: CycleDetail; onChanged: (c: CycleDetail) => void }) => {
  const translate = useTranslate();
  const api = useCycleApi();
  const [asking, setAsking] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const { busy, submit } = useSubmit();
  const take = (action: string, why?: string) =>
    submit(() => runAction(api, cycle, action, why), { message: 'app.cycles.transition_done', args: { action: translate(`app.cycles.action.${action}`) } }, (changed) => {
      onChanged(changed);
      setAsking(null);
    });
  const actions = actionsFrom(cycle.state);
  if (actions.length === 0) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }} data-testid="cycle-actions">
      {actions.map((a) => (
        <Button
          key={a}
          variant={a === 'CANCEL' ? 'outlined' : 'contained'}
          color={a === 'CANCEL' ? 'error' : 'primary'}
          disabled={busy}
          onClick={() => (a === 'CANCEL' || a === 'PUBLISH' ? setAsking(a) : void take(a))}
          data-testid={`action-${a}`}
        >
          {translate(`app.cycles.action.${a}`)}
        </Button>
      ))}
      <Dialog open={asking !== null} onClose={() => setAsking(null)} fullWidth maxWidth="sm">
        <DialogTitle>{translate(asking === 'PUBLISH' ? 'app.cycles.publish_title' : 'app.cycles.cancel_title')}</DialogTitle>
        <DialogContent>
          {asking === 'PUBLISH' && <Typography sx={{ mb: 1 }}>{translate('app.cycles.publish_help')}</Typography>}
          <TextField
            autoFocus
            fullWidth
            multiline
            margin="dense"
            label={translate(asking === 'PUBLISH' ? 'app.cycles.override_reason' : 'app.cycles.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'action-reason' } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setAsking(null)}>{translate('ra.action.cancel')}</Button>
          <Button
            variant="contained"
            color={asking === 'PUBLISH' ? 'primary' : 'error'}
            disabled={busy || (asking === 'CANCEL' && reason.trim() === '')}
            onClick={() => asking && void take(asking, reason.trim() || undefined)}
            data-testid="action-confirm"
          >
            {translate(`app.cycles.action.${asking ?? 'CANCEL'}`)}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
};

/** HR reopens a window for the whole cycle until a date, with a reason (audited). */
const ReopenForm = ({ cycle, onChanged }: { cycle: CycleDetail; onChanged: (c: CycleDetail) => void }) => {
  const translate = useTranslate();
  const api = useCycleApi();
  const [window, setWindow] = useState<string>('RATING');
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const { busy, submit } = useSubmit();
  const reopen = () =>
    submit(() => api.reopenWindow(cycle.id, { window, scope: 'CYCLE', until, reason: reason.trim() }), 'app.cycles.reopen.done', (changed) => {
      onChanged(changed);
      setReason('');
    });
  return (
    <Stack spacing={2} data-testid="reopen">
      <Typography variant="h6" component="h2">
        {translate('app.cycles.reopen.title')}
      </Typography>
      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap' }}>
        <TextField select size="small" label={translate('app.cycles.reopen.window')} value={window} onChange={(e) => setWindow(e.target.value)} sx={{ minWidth: 180 }}>
          {WINDOWS.map((w) => (
            <MenuItem key={w} value={w}>
              {translate(`app.cycles.phase.${w}`)}
            </MenuItem>
          ))}
        </TextField>
        <LocalDateField size="small" label={translate('app.cycles.reopen.until')} value={until} onChange={setUntil} />
        <TextField size="small" label={translate('app.cycles.reason')} value={reason} onChange={(e) => setReason(e.target.value)} sx={{ minWidth: 280 }} />
        <Button variant="outlined" disabled={busy || until === '' || reason.trim() === ''} onClick={() => void reopen()} data-testid="reopen-submit">
          {translate('app.cycles.reopen.submit')}
        </Button>
      </Stack>
      {cycle.reopenings.length > 0 && (
        <Table size="small" data-testid="reopenings">
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.cycles.reopen.window')}</TableCell>
              <TableCell>{translate('app.cycles.reopen.scope')}</TableCell>
              <TableCell>{translate('app.cycles.reopen.until')}</TableCell>
              <TableCell>{translate('app.cycles.reason')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {cycle.reopenings.map((r) => (
              <TableRow key={r.id}>
                <TableCell>{translate(`app.cycles.phase.${r.window}`)}</TableCell>
                <TableCell>{translate(`app.cycles.reopen.scope_kind.${r.scopeKind}`)}</TableCell>
                <TableCell>
                  <Day value={r.until} />
                </TableCell>
                <TableCell>{r.reason}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Stack>
  );
};

const Stat = ({ label, value }: { label: string; value: number | string }) => {
  const translate = useTranslate();
  return (
    <Grid size={{ xs: 6, md: 2.4 }}>
      <Typography variant="body2" color="text.secondary">
        {translate(label)}
      </Typography>
      <Typography variant="h6" data-testid={`stat-${label.split('.').pop()}`}>
        {value}
      </Typography>
    </Grid>
  );
};

/** One cycle (HR): its phases and progress, the workflow steps, reopening windows; a draft resumes the wizard. */
export const CyclePage = () => {
  const { id = '' } = useParams();
  const translate = useTranslate();
  const locale = useLocale();
  const loaded = useLoad((api) => api.cycleDetail(id), [id]);
  const [override, setOverride] = useState<CycleDetail | null>(null);
  const cycle = override && override.id === id ? override : loaded.data;
  const onChanged = useCallback((c: CycleDetail) => setOverride(c), []);
  const api = useCycleApi();
  const refresh = useCallback(() => {
    api.cycleDetail(id).then(setOverride, () => undefined);
  }, [api, id]);
  if (loaded.error) return <LoadErrorState error={loaded.error} onRetry={loaded.reload} />;
  if (!cycle) return <LinearProgress sx={{ mt: 2 }} />;
  const draft = cycle.state === 'DRAFT';
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={localizedName(cycle, locale)} />
      <CardContent>
        <Stack spacing={3}>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography variant="h5" component="h1" data-testid="cycle-name">
              {localizedName(cycle, locale)}
            </Typography>
            <StateChip state={cycle.state} group="cycle" />
            <Typography color="text.secondary">
              {localizedName(cycle.scheme, locale)} · {translate(`app.cycles.period_kind.${cycle.periodKind}`)} {cycle.periodKey} (<Day value={cycle.periodStart} /> – <Day value={cycle.periodEnd} />)
            </Typography>
          </Stack>
          {draft && cycle.launch.status === 'NOT_STARTED' ? (
            <CycleWizardSteps initial={cycle} />
          ) : (
            <>
              {cycle.launch.status !== 'DONE' && <LaunchStep cycle={cycle} onChanged={onChanged} />}
              <Grid container spacing={2} data-testid="cycle-progress">
                <Stat label="app.cycles.stats.appraisals" value={cycle.progress.appraisals} />
                <Stat label="app.cycles.stats.ratings" value={`${cycle.progress.ratingsSubmitted} / ${cycle.progress.ratingsExpected}`} />
                <Stat label="app.cycles.stats.self_reviews" value={cycle.progress.selfReviewsSubmitted} />
                <Stat label="app.cycles.stats.scored" value={cycle.progress.scored} />
                <Stat label="app.cycles.stats.acknowledgement_days" value={cycle.acknowledgementWorkingDays} />
              </Grid>
              <Box>
                <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
                  {translate('app.cycles.phases')}
                </Typography>
                <PhaseTable phases={cycle.phases} />
              </Box>
              {cycle.state === 'CANCELLED' && <Alert severity="warning">{translate('app.cycles.cancelled')}</Alert>}
              <Stack direction="row" spacing={1}>
                <Button variant="outlined" startIcon={<DashboardIcon />} component={Link} to={`/cycles/${cycle.id}/dashboard`} data-testid="open-dashboard">
                  {translate('app.cycle_dashboard.open')}
                </Button>
                <Button variant="outlined" startIcon={<InputIcon />} component={Link} to={`/cycles/${cycle.id}/inputs`} data-testid="open-inputs">
                  {translate('app.inputs.open')}
                </Button>
              </Stack>
              <Transitions cycle={cycle} onChanged={onChanged} />
              {!['CLOSED', 'CANCELLED'].includes(cycle.state) && <ReopenForm cycle={cycle} onChanged={onChanged} />}
              <RatersPanel cycle={cycle} onCycleChanged={refresh} />
              {cycle.progress.scored > 0 && <ResultsPanel cycle={cycle} onCycleChanged={refresh} />}
            </>
          )}
          <Box>
            <Button component={Link} to="/cycles">
              {translate('app.cycles.back_to_list')}
            </Button>
          </Box>
        </Stack>
      </CardContent>
    </Card>
  );
};
