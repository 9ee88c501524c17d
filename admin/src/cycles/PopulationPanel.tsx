import { describeIssue } from '@appraisal/domain/messages';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, LinearProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { LoadErrorState } from '../common/LoadError';
import { useSubmit } from '../common/useSubmit';
import type { PopulationEntry } from '../dataProvider/cycleApi';
import { StateChip } from './common';
import { useCycleApi, useLoad, useLocale } from './useCycleApi';

/** Asks why HR adds or removes a person (the reason is kept in the audit trail). */
const ReasonDialog = ({ entry, onClose, onConfirm }: { entry: PopulationEntry | null; onClose: () => void; onConfirm: (reason: string) => void }) => {
  const translate = useTranslate();
  const [reason, setReason] = useState('');
  const adding = entry?.status === 'EXCLUDED';
  return (
    <Dialog open={entry !== null} onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate(adding ? 'app.cycles.population.add_title' : 'app.cycles.population.remove_title', { name: entry?.name ?? '' })}</DialogTitle>
      <DialogContent>
        <TextField autoFocus fullWidth multiline margin="dense" label={translate('app.cycles.reason')} value={reason} onChange={(e) => setReason(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'population-reason' } }} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={reason.trim() === ''} onClick={() => onConfirm(reason.trim())} data-testid="population-confirm">
          {translate(adding ? 'app.cycles.population.add' : 'app.cycles.population.remove')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/**
 * Who a draft cycle includes and excludes, each with the reasons in words; HR adds or removes a person with a
 * reason. After launch the snapshot is frozen and shown read-only.
 */
export const PopulationPanel = ({ cycleId, version, editable, onChanged }: { cycleId: string; version: number; editable: boolean; onChanged: () => void }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const api = useCycleApi();
  const preview = useLoad((a) => a.previewPopulation(cycleId), [cycleId, version]);
  const [target, setTarget] = useState<PopulationEntry | null>(null);
  const { busy, submit } = useSubmit();
  const change = (entry: PopulationEntry, reason: string) =>
    submit(() => api.changePopulation(cycleId, version, [{ employeeId: entry.employeeId, action: entry.status === 'EXCLUDED' ? 'add' : 'remove', reason }]), null, () => {
      setTarget(null);
      onChanged();
    });
  if (preview.error) return <LoadErrorState error={preview.error} onRetry={preview.reload} />;
  const data = preview.data;
  return (
    <Stack spacing={2} data-testid="population">
      {(preview.loading || busy) && <LinearProgress />}
      {data && (
        <>
          <Typography data-testid="population-counts">{translate('app.cycles.population.counts', { included: data.includedCount, excluded: data.excludedCount })}</Typography>
          {[...data.blocked, ...data.issues].map((issue, i) => (
            <Alert key={i} severity="warning" data-testid="population-blocked">
              {describeIssue(issue, locale)}
            </Alert>
          ))}
          <Table size="small" data-testid="population-table">
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.cycles.population.person')}</TableCell>
                <TableCell>{translate('app.cycles.population.status')}</TableCell>
                <TableCell>{translate('app.cycles.population.reasons')}</TableCell>
                {editable && <TableCell />}
              </TableRow>
            </TableHead>
            <TableBody>
              {data.entries.map((e) => (
                <TableRow key={e.employeeId} data-testid={`population-${e.employeeNumber}`}>
                  <TableCell>
                    {e.name} ({e.employeeNumber})
                  </TableCell>
                  <TableCell>
                    <StateChip state={e.status} group="population" />
                  </TableCell>
                  <TableCell>
                    {e.reasons.map((r, i) => (
                      <Typography key={i} variant="body2">
                        {describeIssue(r, locale)}
                      </Typography>
                    ))}
                  </TableCell>
                  {editable && (
                    <TableCell>
                      <Button size="small" color={e.status === 'INCLUDED' ? 'error' : 'primary'} onClick={() => setTarget(e)} data-testid={`population-toggle-${e.employeeNumber}`}>
                        {translate(e.status === 'INCLUDED' ? 'app.cycles.population.remove' : 'app.cycles.population.add')}
                      </Button>
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
      <ReasonDialog key={target?.employeeId ?? 'none'} entry={target} onClose={() => setTarget(null)} onConfirm={(reason) => target && void change(target, reason)} />
    </Stack>
  );
};
