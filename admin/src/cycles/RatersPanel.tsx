import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, LinearProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { useTranslate } from 'react-admin';
import { LoadErrorState } from '../common/LoadError';
import { PersonPicker } from '../common/PersonPicker';
import { useSubmit } from '../common/useSubmit';
import type { CycleDetail, EmployeeChoice, RaterRow } from '../dataProvider/cycleApi';
import { APPRAISALS_PAGE } from '../dataProvider/cycleApi';
import { StateChip } from './common';
import { PageControls, usePagedLoad } from './paging';
import { localText, useCycleApi, useLocale } from './useCycleApi';
import { LocalDateField } from '../common/LocalDateField';

type Rating = RaterRow['ratings'][number];
type Action = { kind: 'return'; appraisal: RaterRow; rating: Rating } | { kind: 'reassign'; appraisal: RaterRow; rating: Rating } | { kind: 'peer'; appraisal: RaterRow } | { kind: 'reopen'; appraisal: RaterRow; rating: Rating };

/** The dialog of one action: a reason always; a new rater for reassign / add peer; a date for reopening one rating. */
const ActionDialog = ({ cycle, action, sectionName, onClose, onDone }: { cycle: CycleDetail; action: Action; sectionName: (id: string) => string; onClose: () => void; onDone: () => void }) => {
  const translate = useTranslate();
  const api = useCycleApi();
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const [to, setTo] = useState<EmployeeChoice | null>(null);
  const [section, setSection] = useState(action.kind === 'peer' ? (action.appraisal.ratings[0]?.section ?? '') : '');
  const { busy, submit } = useSubmit();
  const sections = useMemo(() => [...new Set(action.appraisal.ratings.map((r) => r.section))], [action.appraisal]);
  const why = reason.trim();
  const ready = why !== '' && (action.kind === 'return' || (action.kind === 'reopen' ? until !== '' : to !== null));
  const run = () =>
    submit(
      async () => {
        const a = action.appraisal;
        if (action.kind === 'return') await api.returnRating(action.rating.id, action.rating.version, why);
        else if (action.kind === 'reassign') await api.changeRater(a.id, a.version, { section: action.rating.section, role: action.rating.role, from: action.rating.rater?.id ?? null, to: to?.id ?? '', reason: why });
        else if (action.kind === 'peer') await api.changeRater(a.id, a.version, { section, role: 'PEER', to: to?.id ?? '', reason: why });
        else await api.reopenWindow(cycle.id, { window: action.rating.role === 'SELF' ? 'SELF_REVIEW' : 'RATING', scope: 'RATING', ratingId: action.rating.id, until, reason: why });
      },
      `app.raters.done.${action.kind}`,
      onDone,
    );
  const who = `${action.appraisal.employee.name} (${action.appraisal.employee.employeeNumber})`;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate(`app.raters.title.${action.kind}`, { name: who })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          {action.kind !== 'peer' && (
            <Typography variant="body2" color="text.secondary">
              {translate('app.raters.slot', { section: sectionName(action.rating.section), role: translate(`app.scheme.role.${action.rating.role}`), rater: action.rating.rater?.name ?? '—' })}
            </Typography>
          )}
          {action.kind === 'peer' && (
            <TextField select label={translate('app.raters.section')} value={section} onChange={(e) => setSection(e.target.value)} slotProps={{ select: { native: true } }}>
              {sections.map((s) => (
                <option key={s} value={s}>
                  {sectionName(s)}
                </option>
              ))}
            </TextField>
          )}
          {(action.kind === 'reassign' || action.kind === 'peer') && <PersonPicker value={to} onChange={setTo} label="app.raters.new_rater" testId="rater-picker" fullWidth />}
          {action.kind === 'reopen' && (
            <LocalDateField label={translate('app.cycles.reopen.until')} value={until} onChange={setUntil} slotProps={{ htmlInput: { 'data-testid': 'rater-until' } }} />
          )}
          <TextField autoFocus multiline label={translate('app.cycles.reason')} value={reason} onChange={(e) => setReason(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'rater-reason' } }} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={busy || !ready} onClick={() => void run()} data-testid="rater-confirm">
          {translate(`app.raters.action.${action.kind}`)}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/**
 * Who rates whom in a running cycle (HR): each appraisal's rating slots with the rater and where the rating stands;
 * return a submitted rating with a reason, reassign a slot to someone else, add a peer, or reopen one rating's
 * window until a date (each audited by the API). The appraisals come 100 at a time (page controls under the table);
 * a search narrows the people of the page shown.
 */
export const RatersPanel = ({ cycle, onCycleChanged }: { cycle: CycleDetail; onCycleChanged: () => void }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const { loaded: rows, pager } = usePagedLoad((api, after) => api.cycleRaters(cycle.id, after), APPRAISALS_PAGE, [cycle.id]);
  const sectionName = (id: string): string => localText(rows.data?.sectionNames[id], locale) || id;
  const [search, setSearch] = useState('');
  const [action, setAction] = useState<Action | null>(null);
  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (rows.data?.nodes ?? []).filter((a) => !q || a.employee.name.toLowerCase().includes(q) || a.employee.employeeNumber.toLowerCase().includes(q));
  }, [rows.data, search]);
  const open = !['PUBLISHED', 'CLOSED', 'CANCELLED', 'DRAFT'].includes(cycle.state);
  if (!open) return null;
  return (
    <Box data-testid="raters-panel">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
          {translate('app.raters.heading')}
        </Typography>
        <TextField size="small" label={translate('app.raters.search')} value={search} onChange={(e) => setSearch(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'raters-search' } }} />
      </Stack>
      {rows.loading && <LinearProgress />}
      {rows.error ? (
        <LoadErrorState error={rows.error} onRetry={rows.reload} />
      ) : (
        <Table size="small" data-testid="raters-table">
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.raters.person')}</TableCell>
              <TableCell>{translate('app.raters.section')}</TableCell>
              <TableCell>{translate('app.raters.role_heading')}</TableCell>
              <TableCell>{translate('app.raters.rater')}</TableCell>
              <TableCell>{translate('app.raters.state')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.flatMap((a) =>
              a.ratings
                .filter((r) => r.state !== 'REASSIGNED')
                .map((r, i) => (
                  <TableRow key={r.id} data-testid={`rater-row-${a.employee.employeeNumber}-${r.role}`}>
                    <TableCell>
                      {i === 0 ? (
                        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                          <span>
                            {a.employee.name} ({a.employee.employeeNumber})
                          </span>
                          <Button size="small" onClick={() => setAction({ kind: 'peer', appraisal: a })} data-testid="rater-add-peer">
                            {translate('app.raters.action.peer')}
                          </Button>
                        </Stack>
                      ) : null}
                    </TableCell>
                    <TableCell>{sectionName(r.section)}</TableCell>
                    <TableCell>{translate(`app.scheme.role.${r.role}`)}</TableCell>
                    <TableCell>{r.rater ? `${r.rater.name} (${r.rater.employeeNumber})` : '—'}</TableCell>
                    <TableCell>
                      <StateChip state={r.state} group="rating" />
                    </TableCell>
                    <TableCell>
                      <Stack direction="row" spacing={1}>
                        {r.state === 'SUBMITTED' ? (
                          <Button size="small" color="warning" onClick={() => setAction({ kind: 'return', appraisal: a, rating: r })} data-testid="rater-return">
                            {translate('app.raters.action.return')}
                          </Button>
                        ) : (
                          <Button size="small" onClick={() => setAction({ kind: 'reassign', appraisal: a, rating: r })} data-testid="rater-reassign">
                            {translate('app.raters.action.reassign')}
                          </Button>
                        )}
                        <Button size="small" onClick={() => setAction({ kind: 'reopen', appraisal: a, rating: r })} data-testid="rater-reopen">
                          {translate('app.raters.action.reopen')}
                        </Button>
                      </Stack>
                    </TableCell>
                  </TableRow>
                )),
            )}
          </TableBody>
        </Table>
      )}
      <PageControls pager={pager} testId="raters-pages" />
      {action && (
        <ActionDialog
          cycle={cycle}
          action={action}
          sectionName={sectionName}
          onClose={() => setAction(null)}
          onDone={() => {
            setAction(null);
            rows.reload();
            onCycleChanged();
          }}
        />
      )}
    </Box>
  );
};
