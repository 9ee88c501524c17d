import { Alert, Box, Button, Card, CardContent, Checkbox, FormControlLabel, LinearProgress, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useRoles } from '../auth/useRoles';
import { formatDate, formatMoney } from '../common/format';
import { LoadErrorState } from '../common/LoadError';
import { errorMessage } from '../cycles/common';
import { useCycleApi, useLoad, useLocale } from '../cycles/useCycleApi';
import { base64ToBlob, downloadBlob } from '../import/files';
import { ledgerOps, PAGE_SIZE, type BatchTotal } from './api';
import { LedgerStatus, Money, monthOf, Pager, ReasonDialog, useComponentLabel } from './common';
import { EntryTable } from './EntryTable';

const STATUSES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'CANCELLED'];

/** HR builds a batch of an accounting month (calendar, or the workshop's 26th-25th) from the approved, unpaid payroll entries. */
const CreateBatch = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const navigate = useNavigate();
  const api = useCycleApi();
  const [periodKey, setPeriodKey] = useState(monthOf(new Date()));
  const [accountingMonth, setAccountingMonth] = useState('calendar');
  const [includeEarlier, setIncludeEarlier] = useState(false);
  const [busy, setBusy] = useState(false);
  const create = async () => {
    setBusy(true);
    try {
      const b = await ledgerOps.createBatch(api, { periodKey, accountingMonth, includeEarlier });
      notify('app.payout.created', { type: 'success', messageArgs: { number: b.number, count: b.entryCount } });
      navigate(`/payout-batches/${b.id}`);
    } catch (e) {
      notify(errorMessage(e), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="subtitle1">{translate('app.payout.create')}</Typography>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {translate('app.payout.create_help')}
        </Typography>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mt: 1 }}>
          <TextField size="small" label={translate('app.payout.period')} helperText={translate('app.ledger.filter.month_help')} value={periodKey} onChange={(e) => setPeriodKey(e.target.value)} inputProps={{ 'data-testid': 'batch-period' }} sx={{ width: 150 }} />
          <TextField select size="small" label={translate('app.payout.accounting')} value={accountingMonth} onChange={(e) => setAccountingMonth(e.target.value)} sx={{ width: 260 }} slotProps={{ htmlInput: { 'data-testid': 'batch-accounting' } }}>
            {['calendar', 'workshop'].map((a) => (
              <MenuItem key={a} value={a}>
                {translate(`app.ledger.accounting.${a}`)}
              </MenuItem>
            ))}
          </TextField>
          <FormControlLabel control={<Checkbox checked={includeEarlier} onChange={(e) => setIncludeEarlier(e.target.checked)} data-testid="batch-include-earlier" />} label={translate('app.payout.include_earlier')} />
          <Button variant="contained" disabled={busy || !/^\d{4}-(0[1-9]|1[0-2])$/.test(periodKey)} onClick={() => void create()} data-testid="batch-create">
            {translate('app.payout.create')}
          </Button>
        </Stack>
      </CardContent>
    </Card>
  );
};

/** Payout batches: HR sees all and builds new ones; the approver those submitted to them (awaiting approval first) and approved ones. */
export const PayoutBatchesPage = () => {
  const translate = useTranslate();
  const locale = useLocale();
  const { roles } = useRoles();
  const hr = roles.includes('HR');
  const [status, setStatus] = useState(hr ? '' : 'SUBMITTED');
  const batches = useLoad((a) => ledgerOps.batches(a, status || undefined), [status]);
  return (
    <Box sx={{ p: 2 }}>
      <Title title={translate('app.menu.payout_batches')} />
      <Typography variant="h5" gutterBottom>
        {translate('app.menu.payout_batches')}
      </Typography>
      <Typography variant="body2" color="text.secondary" gutterBottom>
        {translate('app.entry.payout_batches')}
      </Typography>
      <Stack spacing={2} sx={{ mt: 2 }}>
        {hr && <CreateBatch />}
        <Card>
          <CardContent>
            <Stack spacing={2}>
              <TextField select size="small" label={translate('app.ledger.filter.status')} value={status} onChange={(e) => setStatus(e.target.value)} sx={{ width: 220 }} slotProps={{ htmlInput: { 'data-testid': 'batch-status-filter' } }}>
                <MenuItem value="">{translate('app.ledger.filter.all')}</MenuItem>
                {STATUSES.filter((s) => hr || s === 'SUBMITTED' || s === 'APPROVED').map((s) => (
                  <MenuItem key={s} value={s}>
                    {s === 'SUBMITTED' && !hr ? translate('app.payout.awaiting') : translate(`app.payout.status.${s}`)}
                  </MenuItem>
                ))}
              </TextField>
              {batches.loading && <LinearProgress />}
              {batches.error ? (
                <LoadErrorState error={batches.error} onRetry={batches.reload} />
              ) : batches.data && batches.data.nodes.length === 0 ? (
                <Alert severity="info" data-testid="batches-empty">
                  {translate('app.payout.none')}
                </Alert>
              ) : (
                <Table size="small" data-testid="payout-batches">
                  <TableHead>
                    <TableRow>
                      {['number', 'period', 'accounting', 'status', 'total', 'entries', 'people', 'prepared_by'].map((c) => (
                        <TableCell key={c} align={['total', 'entries', 'people'].includes(c) ? 'right' : 'left'}>
                          {translate(`app.payout.col.${c}`)}
                        </TableCell>
                      ))}
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {(batches.data?.nodes ?? []).map((b) => (
                      <TableRow key={b.id} data-testid={`batch-${b.number}`}>
                        <TableCell>
                          <Link to={`/payout-batches/${b.id}`}>{b.number}</Link>
                        </TableCell>
                        <TableCell>
                          {b.periodKey}
                          <Typography variant="caption" display="block" color="text.secondary">
                            {translate('app.payout.period_text', { start: formatDate(b.periodStart, locale), end: formatDate(b.periodEnd, locale) })}
                          </Typography>
                        </TableCell>
                        <TableCell>{translate(`app.ledger.accounting.${b.accountingMonth}`, { _: b.accountingMonth })}</TableCell>
                        <TableCell>
                          <LedgerStatus status={b.status} group="payout" />
                        </TableCell>
                        <TableCell align="right">
                          <Money value={b.total} />
                        </TableCell>
                        <TableCell align="right">{b.entryCount}</TableCell>
                        <TableCell align="right">{b.peopleCount}</TableCell>
                        <TableCell>{b.preparedBy ?? '—'}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </Stack>
          </CardContent>
        </Card>
      </Stack>
    </Box>
  );
};

const TotalsTable = ({ title, rows, by, total, testId }: { title: string; rows: BatchTotal[]; by: 'department' | 'component'; total: string; testId: string }) => {
  const translate = useTranslate();
  const componentLabel = useComponentLabel();
  return (
    <Box sx={{ flex: 1 }}>
      <Typography variant="subtitle1">{translate(title)}</Typography>
      <Table size="small" data-testid={testId}>
        <TableHead>
          <TableRow>
            <TableCell>{translate(`app.payout.col.${by}`)}</TableCell>
            <TableCell align="right">{translate('app.payout.col.entries')}</TableCell>
            <TableCell align="right">{translate('app.payout.col.total')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r, i) => (
            <TableRow key={i}>
              <TableCell>{by === 'department' ? r.departmentName : componentLabel(r.component ?? '')}</TableCell>
              <TableCell align="right">{r.entries}</TableCell>
              <TableCell align="right">
                <Money value={r.total} />
              </TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell>
              <strong>{translate('app.payout.total_row')}</strong>
            </TableCell>
            <TableCell align="right">{rows.reduce((n, r) => n + r.entries, 0)}</TableCell>
            <TableCell align="right">
              <strong>
                <Money value={total} />
              </strong>
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </Box>
  );
};

/**
 * One batch: its period, totals by department and component (computed by the database), its entries page by page,
 * and the workflow: HR submits, cancels and exports; the approver approves or returns it (never one they prepared:
 * the two-person rule's refusal shows on the page).
 */
export const PayoutBatchPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const locale = useLocale();
  const api = useCycleApi();
  const { id = '' } = useParams();
  const { roles } = useRoles();
  const hr = roles.includes('HR');
  const approver = roles.includes('APPROVER');
  const batch = useLoad((a) => ledgerOps.batch(a, id), [id]);
  const [offset, setOffset] = useState(0);
  const entries = useLoad((a) => ledgerOps.batchEntries(a, id, offset, hr), [id, offset, hr]);
  const [asking, setAsking] = useState<'REJECT' | 'CANCEL' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const b = batch.data;
  const move = async (action: 'SUBMIT' | 'APPROVE' | 'REJECT' | 'CANCEL', reason?: string) => {
    if (!b) return;
    setError(null);
    setBusy(true);
    try {
      await ledgerOps.moveBatch(api, b, action, reason);
      notify(`app.payout.${{ SUBMIT: 'submitted', APPROVE: 'approved', REJECT: 'returned', CANCEL: 'cancelled' }[action]}`, { type: 'success' });
      batch.reload();
      entries.reload();
    } catch (e) {
      setError(translate(errorMessage(e)));
    } finally {
      setBusy(false);
    }
  };
  const exportFile = async () => {
    if (!b) return;
    setError(null);
    try {
      const file = await ledgerOps.exportBatch(api, b.id);
      downloadBlob(base64ToBlob(file.contentBase64, file.contentType), file.fileName);
      notify('app.payout.exported', { type: 'success', messageArgs: { file: file.fileName, lines: file.lineCount, total: formatMoney(file.total, locale) } });
    } catch (e) {
      setError(translate(errorMessage(e)));
    }
  };
  return (
    <Box sx={{ p: 2 }}>
      <Title title={b ? `${translate('app.menu.payout_batches')} · ${b.number}` : translate('app.menu.payout_batches')} />
      <Button component={Link} to="/payout-batches" size="small">
        {translate('app.payout.back')}
      </Button>
      {batch.loading && <LinearProgress />}
      {batch.error ? <LoadErrorState error={batch.error} onRetry={batch.reload} /> : null}
      {b && (
        <Stack spacing={2} sx={{ mt: 1 }}>
          <Card data-testid="batch-header">
            <CardContent>
              <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
                <Typography variant="h5" data-testid="batch-number">
                  {b.number}
                </Typography>
                <LedgerStatus status={b.status} group="payout" />
                <span style={{ flex: 1 }} />
                <Typography variant="h5" data-testid="batch-total">
                  <Money value={b.total} />
                </Typography>
              </Stack>
              <Typography color="text.secondary">
                {b.periodKey} · {translate(`app.ledger.accounting.${b.accountingMonth}`, { _: b.accountingMonth })} · {translate('app.payout.period_text', { start: formatDate(b.periodStart, locale), end: formatDate(b.periodEnd, locale) })}
              </Typography>
              <Typography variant="body2">
                {translate('app.payout.col.entries')}: {b.entryCount} · {translate('app.payout.col.people')}: {b.peopleCount}
              </Typography>
              {b.preparedBy && <Typography variant="body2">{translate('app.payout.prepared_by', { name: b.preparedBy })}</Typography>}
              {b.approvedBy && <Typography variant="body2">{translate('app.payout.approved_by', { name: b.approvedBy })}</Typography>}
              {b.returnReason && b.status === 'DRAFT' && <Alert severity="warning">{translate('app.payout.return_reason', { reason: b.returnReason })}</Alert>}
              {b.cancelReason && <Alert severity="info">{translate('app.payout.cancel_reason', { reason: b.cancelReason })}</Alert>}
              {b.checksum && (
                <Typography variant="caption" sx={{ wordBreak: 'break-all' }}>
                  {translate('app.payout.checksum')}: <code data-testid="batch-checksum">{b.checksum}</code>
                </Typography>
              )}
              <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
                {hr && b.status === 'DRAFT' && (
                  <Button variant="contained" disabled={busy} onClick={() => void move('SUBMIT')} data-testid="batch-submit">
                    {translate('app.payout.submit')}
                  </Button>
                )}
                {hr && b.status === 'DRAFT' && (
                  <Button color="error" disabled={busy} onClick={() => setAsking('CANCEL')} data-testid="batch-cancel">
                    {translate('app.payout.cancel')}
                  </Button>
                )}
                {approver && b.status === 'SUBMITTED' && (
                  <Button variant="contained" color="success" disabled={busy} onClick={() => void move('APPROVE')} data-testid="batch-approve">
                    {translate('app.payout.approve')}
                  </Button>
                )}
                {approver && b.status === 'SUBMITTED' && (
                  <Button color="warning" disabled={busy} onClick={() => setAsking('REJECT')} data-testid="batch-reject">
                    {translate('app.payout.reject')}
                  </Button>
                )}
                {b.status === 'APPROVED' && (
                  <Button variant="outlined" onClick={() => void exportFile()} data-testid="batch-export">
                    {translate('app.payout.export')}
                  </Button>
                )}
              </Stack>
              {error && (
                <Alert severity="error" sx={{ mt: 2 }} data-testid="batch-error">
                  {error}
                </Alert>
              )}
            </CardContent>
          </Card>
          <Card>
            <CardContent>
              <Stack direction={{ xs: 'column', md: 'row' }} spacing={4}>
                <TotalsTable title="app.payout.by_department" rows={b.totalsByDepartment} by="department" total={b.total} testId="batch-by-department" />
                <TotalsTable title="app.payout.by_component" rows={b.totalsByComponent} by="component" total={b.total} testId="batch-by-component" />
              </Stack>
            </CardContent>
          </Card>
          <Card>
            <CardContent>
              <Typography variant="subtitle1">{translate('app.payout.entries')}</Typography>
              {entries.loading && <LinearProgress />}
              {entries.error ? <LoadErrorState error={entries.error} onRetry={entries.reload} /> : <EntryTable entries={entries.data?.entries.nodes ?? []} testId="batch-entries" />}
              {entries.data && <Pager offset={offset} pageSize={PAGE_SIZE} total={entries.data.entries.totalCount} onChange={setOffset} />}
            </CardContent>
          </Card>
        </Stack>
      )}
      <ReasonDialog
        open={asking !== null}
        title={asking === 'CANCEL' ? 'app.payout.cancel' : 'app.payout.reject'}
        confirmLabel={asking === 'CANCEL' ? 'app.payout.cancel' : 'app.payout.reject'}
        onClose={() => setAsking(null)}
        onConfirm={async (reason) => {
          if (asking) await move(asking, reason);
          setAsking(null);
        }}
      />
    </Box>
  );
};

