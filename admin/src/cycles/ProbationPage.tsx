import { Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TableCell, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { localizedName } from '../common/localizedName';
import { useSubmit } from '../common/useSubmit';
import type { DecideProbationInput, ProbationDue } from '../dataProvider/cycleApi';
import { Day, StateChip } from './common';
import { ListCard } from './ListCard';
import { useCycleApi, useLoad, useLocale } from './useCycleApi';
import { LocalDateField } from '../common/LocalDateField';

type Outcome = DecideProbationInput['outcome'];
const HORIZONS = [7, 30, 60, 92] as const;

/** HR starts the probation review: a probation cycle on a chosen published scheme, with the person as its only participant. */
const StartDialog = ({ due, onClose, onDone }: { due: ProbationDue; onClose: () => void; onDone: () => void }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const api = useCycleApi();
  const schemes = useLoad((a) => a.publishedSchemes(), []);
  const [schemeVersionId, setSchemeVersionId] = useState('');
  const { busy, submit } = useSubmit();
  const start = () => submit(() => api.startProbationReview(due.employee.id, schemeVersionId), { message: 'app.probation.started', args: { name: due.employee.name } }, onDone);
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate('app.probation.start_title', { name: due.employee.name })}</DialogTitle>
      <DialogContent>
        <Typography sx={{ mb: 2 }}>{translate('app.probation.start_help')}</Typography>
        <TextField select fullWidth label={translate('app.cycles.scheme')} value={schemeVersionId} onChange={(e) => setSchemeVersionId(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'probation-scheme' } }}>
          {(schemes.data ?? []).map((s) => (
            <MenuItem key={s.id} value={s.latestVersion?.id ?? ''}>
              {localizedName(s, locale)}
            </MenuItem>
          ))}
        </TextField>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={busy || !schemeVersionId} onClick={() => void start()} data-testid="probation-start-confirm">
          {translate('app.probation.start')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/** HR's decision: confirm, extend to a new end date, or terminate with a last working day; a reason for the last two. */
const DecideDialog = ({ due, outcome, onClose, onDone }: { due: ProbationDue; outcome: Outcome; onClose: () => void; onDone: () => void }) => {
  const translate = useTranslate();
  const api = useCycleApi();
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const { busy, submit } = useSubmit();
  const review = due.review;
  if (!review) return null;
  const needsDate = outcome !== 'CONFIRM';
  const decide = () => {
    const input: DecideProbationInput = { outcome, ...(reason.trim() ? { reason: reason.trim() } : {}), ...(outcome === 'EXTEND' ? { newEndDate: date } : outcome === 'TERMINATE' ? { lastWorkingDay: date } : {}) };
    return submit(() => api.decideProbation(review.id, review.version, input), { message: `app.probation.decided.${outcome}`, args: { name: due.employee.name } }, onDone);
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate(`app.probation.decide_title.${outcome}`, { name: due.employee.name })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          {needsDate && (
            <LocalDateField
              label={translate(outcome === 'EXTEND' ? 'app.probation.new_end_date' : 'app.probation.last_working_day')}
              value={date}
              onChange={setDate}
              slotProps={{ htmlInput: { 'data-testid': 'probation-date' } }}
            />
          )}
          <TextField multiline label={translate('app.cycles.reason')} value={reason} onChange={(e) => setReason(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'probation-reason' } }} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" color={outcome === 'TERMINATE' ? 'error' : 'primary'} disabled={busy || (needsDate && !date)} onClick={() => void decide()} data-testid="probation-decide-confirm">
          {translate(`app.probation.outcome.${outcome}`)}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/**
 * Probations due (HR, `probationsDue`): everyone whose probation ends within the horizon (30 days by default),
 * overdue first, with the review's state; start the review (a probation cycle), then confirm, extend or terminate.
 */
export const ProbationPage = () => {
  const translate = useTranslate();
  const locale = useLocale();
  const [horizon, setHorizon] = useState('30');
  const list = useLoad((a) => a.probationsDue(Number(horizon)), [horizon]);
  const [starting, setStarting] = useState<ProbationDue | null>(null);
  const [deciding, setDeciding] = useState<{ due: ProbationDue; outcome: Outcome } | null>(null);
  const done = () => {
    setStarting(null);
    setDeciding(null);
    list.reload();
  };
  const decided = (d: ProbationDue) => !!d.review && ['CONFIRMED', 'EXTENDED', 'TERMINATED', 'CANCELLED'].includes(d.review.state);
  return (
    <>
      <ListCard
        title="app.menu.probation"
        filter={{ label: 'app.probation.horizon', value: horizon, onChange: setHorizon, testId: 'probation-horizon', options: HORIZONS.map((h) => ({ value: String(h), label: translate('app.probation.within_days', { smart_count: h }) })) }}
        loaded={list}
        empty="app.probation.empty"
        emptyTestId="probation-empty"
        tableTestId="probation-table"
        columns={['app.probation.person', 'app.probation.department', 'app.probation.end_date', 'app.probation.days_left', 'app.probation.review', '']}
        row={(d) => (
          <TableRow key={d.employee.id} hover data-testid={`probation-${d.employee.employeeNumber}`}>
            <TableCell>
              {d.employee.name} ({d.employee.employeeNumber})
            </TableCell>
            <TableCell>{d.employee.department ? localizedName(d.employee.department, locale) : '—'}</TableCell>
            <TableCell>
              <Day value={d.probationEndDate} />
            </TableCell>
            <TableCell>{d.overdue ? <Chip size="small" color="error" label={translate('app.probation.overdue', { smart_count: -d.daysLeft })} /> : translate('app.probation.days', { smart_count: d.daysLeft })}</TableCell>
            <TableCell>
              {d.review ? (
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <Chip size="small" variant="outlined" label={translate(`app.probation.state.${d.review.state}`)} data-testid="probation-state" />
                  {d.review.appraisal && <StateChip state={d.review.appraisal.state} group="appraisal" />}
                  {d.review.newEndDate && (
                    <Typography variant="body2">
                      → <Day value={d.review.newEndDate} />
                    </Typography>
                  )}
                </Stack>
              ) : (
                <Typography variant="body2" color="text.secondary">
                  {translate('app.probation.no_review')}
                </Typography>
              )}
            </TableCell>
            <TableCell>
              <Stack direction="row" spacing={1}>
                {!d.review && (
                  <Button size="small" variant="outlined" onClick={() => setStarting(d)} data-testid="probation-start">
                    {translate('app.probation.start')}
                  </Button>
                )}
                {d.review &&
                  !decided(d) &&
                  (['CONFIRM', 'EXTEND', 'TERMINATE'] as const).map((o) => (
                    <Button key={o} size="small" variant={o === 'CONFIRM' ? 'contained' : 'outlined'} color={o === 'TERMINATE' ? 'error' : 'primary'} onClick={() => setDeciding({ due: d, outcome: o })} data-testid={`probation-${o}`}>
                      {translate(`app.probation.outcome.${o}`)}
                    </Button>
                  ))}
              </Stack>
            </TableCell>
          </TableRow>
        )}
      />
      {starting && <StartDialog due={starting} onClose={() => setStarting(null)} onDone={done} />}
      {deciding && <DecideDialog due={deciding.due} outcome={deciding.outcome} onClose={() => setDeciding(null)} onDone={done} />}
    </>
  );
};
