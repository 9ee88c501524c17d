import { Alert, Box, Button, Card, CardContent, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Table, TableBody, TableCell, TableRow, TextField, Typography } from '@mui/material';
import { Suspense, useState } from 'react';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { AppraisalAppeal } from '../appeals';
import { CardListPage } from '../common/CardListPage';
import { formatDateTime, formatMoney, formatNumber } from '../common/format';
import { localizedName } from '../common/localizedName';
import { useSubmit } from '../common/useSubmit';
import type { MyAppraisal, MyResult } from '../dataProvider/cycleApi';
import { Day, StateChip } from './common';
import { useCycleApi, useLoad, useLocale } from './useCycleApi';

/** The employee's answer to a published result: acknowledge, or refuse with a reason, before the due day. */
const Answer = ({ result, onDone }: { result: MyResult; onDone: () => void }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const api = useCycleApi();
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');
  const { busy, submit } = useSubmit();
  const ack = result.acknowledgement;
  const run = (call: () => Promise<unknown>, message: string) =>
    submit(call, message, () => {
      setRefusing(false);
      onDone();
    });
  if (ack.acknowledgedAt) return <Alert severity="success">{translate('app.my.acknowledged_on', { when: formatDateTime(ack.acknowledgedAt, locale) })}</Alert>;
  if (ack.refusedAt) return <Alert severity="warning">{translate('app.my.refused_on', { when: formatDateTime(ack.refusedAt, locale), reason: ack.refusalReason ?? '' })}</Alert>;
  if (ack.lapsedAt) return <Alert severity="info">{translate('app.my.lapsed')}</Alert>;
  return (
    <Stack spacing={1}>
      {ack.due && (
        <Typography variant="body2" color="text.secondary">
          {translate('app.my.due')}: <Day value={ack.due} />
        </Typography>
      )}
      <Stack direction="row" spacing={1}>
        <Button variant="contained" disabled={busy} onClick={() => void run(() => api.acknowledgeResult(result.id, result.version), 'app.my.acknowledge_done')} data-testid="acknowledge">
          {translate('app.my.acknowledge')}
        </Button>
        <Button variant="outlined" color="warning" disabled={busy} onClick={() => setRefusing(true)} data-testid="refuse">
          {translate('app.my.refuse')}
        </Button>
      </Stack>
      <Dialog open={refusing} onClose={() => setRefusing(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('app.my.refuse_title')}</DialogTitle>
        <DialogContent>
          <TextField autoFocus fullWidth multiline margin="dense" label={translate('app.cycles.reason')} value={reason} onChange={(e) => setReason(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'refuse-reason' } }} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setRefusing(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" color="warning" disabled={busy || reason.trim() === ''} onClick={() => void run(() => api.refuseAcknowledgement(result.id, result.version, reason.trim()), 'app.my.refuse_done')} data-testid="refuse-confirm">
            {translate('app.my.refuse')}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
};

const AppraisalCard = ({ appraisal, onChanged }: { appraisal: MyAppraisal; onChanged: () => void }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const r = appraisal.result;
  return (
    <Card variant="outlined" data-testid="my-appraisal">
      <CardContent>
        <Stack spacing={2}>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography variant="h6" component="h2">
              {localizedName(appraisal.cycle, locale)}
            </Typography>
            <StateChip state={r?.state ?? appraisal.state} group="appraisal" />
            <Typography color="text.secondary">
              <Day value={appraisal.cycle.periodStart} /> – <Day value={appraisal.cycle.periodEnd} />
            </Typography>
          </Stack>
          {!r && appraisal.cycle.phases.some((p) => p.phase === 'SELF_REVIEW') && (
            <Box>
              <Button variant={appraisal.state === 'SELF_REVIEW' ? 'contained' : 'outlined'} component={Link} to={`/my-appraisals/${appraisal.id}/self-review`} data-testid="write-self-review">
                {translate(appraisal.state === 'SELF_REVIEW' ? 'app.my.write_self_review' : 'app.my.open_self_review')}
              </Button>
            </Box>
          )}
          {!r && <Typography color="text.secondary">{translate('app.my.not_published')}</Typography>}
          {r && (
            <>
              <Table size="small" sx={{ maxWidth: 480 }}>
                <TableBody>
                  <TableRow>
                    <TableCell>{translate('app.my.total')}</TableCell>
                    <TableCell data-testid="my-total">{r.total === null ? '—' : formatNumber(r.total, locale)}</TableCell>
                  </TableRow>
                  <TableRow>
                    <TableCell>{translate('app.my.grade')}</TableCell>
                    <TableCell data-testid="my-grade">{r.grade ?? '—'}</TableCell>
                  </TableRow>
                  {r.pay && (
                    <TableRow>
                      <TableCell>{translate('app.my.pay')}</TableCell>
                      <TableCell>{formatMoney(r.pay.total, locale)}</TableCell>
                    </TableRow>
                  )}
                </TableBody>
              </Table>
              {r.explanation.length > 0 && (
                <Box>
                  <Typography variant="subtitle2">{translate('app.my.explanation')}</Typography>
                  <Box component="ul" sx={{ mt: 0.5 }} data-testid="my-explanation">
                    {r.explanation.map((line, i) => (
                      <li key={i}>
                        <Typography variant="body2">{line}</Typography>
                      </li>
                    ))}
                  </Box>
                </Box>
              )}
              <Answer result={r} onDone={onChanged} />
              <Suspense fallback={null}>
                <AppraisalAppeal appraisalId={appraisal.id} state={r.state} onChanged={onChanged} />
              </Suspense>
            </>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};

/** The employee's appraisals: state while running; once published the total, grade, pay and explanation, to acknowledge or refuse. */
export const MyAppraisals = () => {
  const locale = useLocale();
  const list = useLoad((api) => api.myAppraisals(locale), [locale]);
  return <CardListPage title="app.menu.my_appraisals" loaded={list} empty="app.my.empty" emptyTestId="my-appraisals-empty" card={(a) => <AppraisalCard key={a.id} appraisal={a} onChanged={list.reload} />} />;
};
