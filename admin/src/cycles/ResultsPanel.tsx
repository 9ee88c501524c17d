import { describeIssue } from '@appraisal/domain/messages';
import { ExportButton } from '../import/ExportButton';
import DownloadIcon from '@mui/icons-material/Download';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { formatMoney, formatNumber } from '../common/format';
import { localizedName } from '../common/localizedName';
import { LoadErrorState } from '../common/LoadError';
import { useSubmit } from '../common/useSubmit';
import type { CalibrationBoard, CalibrationGroup, CycleDetail, ResultRow } from '../dataProvider/cycleApi';
import { APPRAISALS_PAGE } from '../dataProvider/cycleApi';
import { StateChip } from './common';
import { PageControls, usePagedLoad } from './paging';
import { localText, useCycleApi, useLoad, useLocale } from './useCycleApi';

type Bands = CalibrationBoard['schemeVersion']['document']['gradeBands'];

const gradeName = (bands: Bands, grade: string | null, locale: string): string => {
  if (!grade) return '—';
  const band = bands.find((b) => b.grade === grade);
  return band ? localText(band.label, locale) || grade : grade;
};

/** The results as a sheet Excel opens (UTF-8 with a byte-order mark, so Chinese names survive), in the console language. */
const downloadCsv = (rows: ResultRow[], bands: Bands, locale: string, head: string[], fileName: string, state: (s: string) => string) => {
  const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
  const lines = [head.map(quote).join(',')];
  for (const r of rows)
    lines.push(
      [r.employee.employeeNumber, r.employee.name, localizedName(r.employee.department, locale), state(r.state), r.total ?? '', gradeName(bands, r.grade, locale), gradeName(bands, r.engineGrade, locale), r.pay?.total ?? '']
        .map(quote)
        .join(','),
    );
  const blob = new Blob([`\uFEFF${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(url);
};

/** HR moves one person to another grade in calibration, with a reason (kept as a grade change, audited). */
const ChangeGradeDialog = ({ row, bands, onClose, onDone }: { row: ResultRow | null; bands: Bands; onClose: () => void; onDone: () => void }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const api = useCycleApi();
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const { busy, submit } = useSubmit();
  const save = async () => {
    if (!row) return;
    await submit(() => api.changeGrade(row.id, row.version, to, reason.trim()), 'app.results.grade_changed', onDone);
  };
  return (
    <Dialog open={row !== null} onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate('app.results.change_grade_title', { name: row?.employee.name ?? '' })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField select label={translate('app.results.new_grade')} value={to} onChange={(e) => setTo(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'change-grade-to' } }}>
            {bands.map((b) => (
              <MenuItem key={b.grade} value={b.grade} disabled={b.grade === row?.grade}>
                {localText(b.label, locale) || b.grade}
              </MenuItem>
            ))}
          </TextField>
          <TextField multiline label={translate('app.cycles.reason')} value={reason} onChange={(e) => setReason(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'change-grade-reason' } }} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={busy || to === '' || reason.trim() === ''} onClick={() => void save()} data-testid="change-grade-save">
          {translate('app.results.change_grade')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

const barLabel = (name: string, code: string): string => (name.length <= 10 ? name : code);

/** A small bar chart of one group: each grade's share, with the quota's limit drawn as a dashed line. */
const DistributionChart = ({ group, board }: { group: CalibrationGroup; board: CalibrationBoard }) => {
  const locale = useLocale();
  // Bars are labelled with the grade's name in the console language when it fits under a bar ("优秀", "Excellent"),
  // else with its code (the table below names them); the full name shows on hover.
  const bands = board.schemeVersion.document.gradeBands;
  const quotas = board.schemeVersion.document.quotas;
  const width = 72;
  const height = 120;
  const grades = bands.length > 0 ? bands.map((b) => b.grade) : group.counts.map((c) => c.grade);
  return (
    <svg width={grades.length * width + 20} height={height + 40} role="img" data-testid={`chart-${group.groupKey}`}>
      {grades.map((g, i) => {
        const count = group.counts.find((c) => c.grade === g);
        const percent = Number(count?.percent ?? '0');
        const bar = (percent / 100) * height;
        const x = 10 + i * width;
        const quota = quotas.find((q) => q.grade === g && !q.cumulative);
        const limit = quota ? height - (Number(quota.percent) / 100) * height + 10 : null;
        const over = quota && ((quota.bound === 'max' && percent > Number(quota.percent)) || (quota.bound === 'min' && percent < Number(quota.percent)));
        return (
          <g key={g}>
            <rect x={x + 10} y={height - bar + 10} width={width - 20} height={bar} fill={over ? '#d32f2f' : '#1976d2'} />
            {limit !== null && <line x1={x + 4} x2={x + width - 4} y1={limit} y2={limit} stroke="#ed6c02" strokeWidth={2} strokeDasharray="4 3" />}
            <text x={x + width / 2} y={height - bar + 6} fontSize={11} textAnchor="middle">
              {count?.count ?? 0}
            </text>
            <text x={x + width / 2} y={height + 26} fontSize={11} textAnchor="middle">
              <title>{gradeName(bands, g, locale)}</title>
              {barLabel(gradeName(bands, g, locale), g)}
            </text>
          </g>
        );
      })}
    </svg>
  );
};

/** Calibration per group: distribution against the quotas, violations in words, and the engine's proposal to apply. */
const CalibrationPanel = ({ cycle, board, onChanged }: { cycle: CycleDetail; board: CalibrationBoard; onChanged: () => void }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const api = useCycleApi();
  const { busy, submit } = useSubmit();
  const calibrating = cycle.state === 'CALIBRATION' || cycle.state === 'HR_REVIEW';
  const apply = (groupKey: string) => submit(() => api.applyCalibrationProposal(cycle.id, board.version, groupKey), 'app.results.proposal_applied', onChanged);
  const bands = board.schemeVersion.document.gradeBands;
  return (
    <Stack spacing={2} data-testid="calibration">
      <Typography variant="h6" component="h2">
        {translate('app.results.calibration')}
      </Typography>
      {board.calibration.length === 0 && <Typography color="text.secondary">{translate('app.results.no_groups')}</Typography>}
      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap' }} useFlexGap>
        {board.calibration.map((g) => (
          <Card key={g.groupKey} variant="outlined" sx={{ minWidth: 320 }} data-testid="calibration-group">
            <CardContent>
              <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
                {translate('app.results.group', { name: localizedName({ name: g.groupName, nameZh: g.groupNameZh }, locale) || g.groupKey, size: g.size })}
              </Typography>
              <DistributionChart group={g} board={board} />
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('app.results.grade')}</TableCell>
                    <TableCell align="right">{translate('app.results.count')}</TableCell>
                    <TableCell align="right">{translate('app.results.share')}</TableCell>
                    <TableCell>{translate('app.results.quota')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {g.counts.map((c) => {
                    const quota = board.schemeVersion.document.quotas.find((q) => q.grade === c.grade);
                    return (
                      <TableRow key={c.grade}>
                        <TableCell>{gradeName(bands, c.grade, locale)}</TableCell>
                        <TableCell align="right">{c.count}</TableCell>
                        <TableCell align="right">{formatNumber(c.percent, locale)}%</TableCell>
                        <TableCell>{quota ? translate(`app.results.bound.${quota.bound === 'min' ? 'min' : 'max'}`, { percent: quota.percent }) : '—'}</TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </Table>
              {g.violations.map((v, i) => (
                <Alert key={i} severity="warning" sx={{ mt: 1 }} data-testid="calibration-violation">
                  {describeIssue(v, locale)}
                </Alert>
              ))}
              {calibrating && g.proposal.length > 0 && (
                <Button sx={{ mt: 1 }} size="small" variant="outlined" disabled={busy} onClick={() => void apply(g.groupKey)} data-testid="calibration-apply">
                  {translate('app.results.apply_proposal', { smart_count: g.proposal.length })}
                </Button>
              )}
            </CardContent>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
};

const RESULT_STATES = ['RATING', 'CALIBRATED', 'PUBLISHED', 'ACKNOWLEDGED', 'REFUSED', 'LAPSED', 'APPEALED'] as const;

/** A cycle's results (HR): filters, the calibration board, grade changes with a reason, and the results as CSV or as an .xlsx workbook from the API (audited). */
export const ResultsPanel = ({ cycle, onCycleChanged }: { cycle: CycleDetail; onCycleChanged: () => void }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const api = useCycleApi();
  const [state, setState] = useState('');
  const [grade, setGrade] = useState('');
  const [tick, setTick] = useState(0);
  const [changing, setChanging] = useState<ResultRow | null>(null);
  const filter = { ...(state ? { state } : {}), ...(grade ? { grade } : {}) };
  // 100 results a page (cursor page controls under the table); a filter starts again from the first page, an edit keeps the page.
  const { loaded: results, pager } = usePagedLoad((api, after) => api.cycleResults(cycle.id, filter, { first: APPRAISALS_PAGE, after }), APPRAISALS_PAGE, [cycle.id, state, grade], [cycle.version, tick]);
  const { busy: exporting, submit } = useSubmit();
  const exportCsv = () =>
    submit(
      async () => downloadCsv(await api.allCycleResults(cycle.id, filter), bands, locale, head, `${cycle.periodKey}-${cycle.scheme.code}.csv`, (s) => translate(`app.cycles.appraisal_state.${s}`)),
      null,
    );
  const board = useLoad((api) => api.calibrationBoard(cycle.id), [cycle.id, cycle.version, tick]);
  const calibrating = cycle.state === 'CALIBRATION' || cycle.state === 'HR_REVIEW';
  const bands = board.data?.schemeVersion.document.gradeBands ?? [];
  const refresh = () => {
    setTick((t) => t + 1);
    onCycleChanged();
  };
  const head = ['employee_number', 'name', 'department', 'state', 'total', 'grade', 'engine_grade', 'pay'].map((k) => translate(`app.results.column.${k}`));
  return (
    <Stack spacing={3}>
      {board.error ? <LoadErrorState error={board.error} onRetry={board.reload} /> : board.data && <CalibrationPanel cycle={cycle} board={board.data} onChanged={refresh} />}
      <Stack spacing={2} data-testid="results">
        <Typography variant="h6" component="h2">
          {translate('app.results.title')}
        </Typography>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <TextField select size="small" label={translate('app.results.column.state')} value={state} onChange={(e) => setState(e.target.value)} sx={{ minWidth: 180 }}>
            <MenuItem value="">{translate('app.cycles.all_states')}</MenuItem>
            {RESULT_STATES.map((s) => (
              <MenuItem key={s} value={s}>
                {translate(`app.cycles.appraisal_state.${s}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField select size="small" label={translate('app.results.column.grade')} value={grade} onChange={(e) => setGrade(e.target.value)} sx={{ minWidth: 180 }} slotProps={{ htmlInput: { 'data-testid': 'results-grade-filter' } }}>
            <MenuItem value="">{translate('app.cycles.all_states')}</MenuItem>
            {bands.map((b) => (
              <MenuItem key={b.grade} value={b.grade}>
                {localText(b.label, locale) || b.grade}
              </MenuItem>
            ))}
          </TextField>
          <Box sx={{ flex: 1 }} />
          <Button
            startIcon={<DownloadIcon />}
            disabled={!results.data?.nodes.length || exporting}
            onClick={() => void exportCsv()}
            data-testid="results-export"
          >
            {translate('app.results.export')}
          </Button>
          <ExportButton exportFile={() => api.exportCycleResults(cycle.id, locale)} label="app.results.export_xlsx" testId="results-export-xlsx" />
        </Stack>
        {results.loading && <LinearProgress />}
        {results.error ? (
          <LoadErrorState error={results.error} onRetry={results.reload} />
        ) : (
          <Table size="small" data-testid="results-table">
            <TableHead>
              <TableRow>
                <TableCell>{head[1]}</TableCell>
                <TableCell>{head[2]}</TableCell>
                <TableCell>{head[3]}</TableCell>
                <TableCell align="right">{head[4]}</TableCell>
                <TableCell>{head[5]}</TableCell>
                <TableCell>{head[6]}</TableCell>
                <TableCell align="right">{head[7]}</TableCell>
                {calibrating && <TableCell />}
              </TableRow>
            </TableHead>
            <TableBody>
              {(results.data?.nodes ?? []).map((r) => (
                <TableRow key={r.id} data-testid={`result-${r.employee.employeeNumber}`}>
                  <TableCell>
                    {r.employee.name} ({r.employee.employeeNumber})
                  </TableCell>
                  <TableCell>{localizedName(r.employee.department, locale)}</TableCell>
                  <TableCell>
                    <StateChip state={r.state} group="appraisal" />
                  </TableCell>
                  <TableCell align="right">{r.total === null ? '—' : formatNumber(r.total, locale)}</TableCell>
                  <TableCell>{gradeName(bands, r.grade, locale)}</TableCell>
                  <TableCell>{r.engineGrade !== r.grade ? gradeName(bands, r.engineGrade, locale) : ''}</TableCell>
                  <TableCell align="right">{r.pay ? formatMoney(r.pay.total, locale) : '—'}</TableCell>
                  {calibrating && (
                    <TableCell>
                      <Button size="small" disabled={r.total === null} onClick={() => setChanging(r)} data-testid="change-grade">
                        {translate('app.results.change_grade')}
                      </Button>
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        <PageControls pager={pager} testId="results-pages" />
      </Stack>
      <ChangeGradeDialog
        key={changing?.id ?? 'none'}
        row={changing}
        bands={bands}
        onClose={() => setChanging(null)}
        onDone={() => {
          setChanging(null);
          refresh();
        }}
      />
    </Stack>
  );
};
