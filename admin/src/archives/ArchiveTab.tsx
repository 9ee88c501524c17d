import PrintIcon from '@mui/icons-material/Print';
import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Box, Button, Card, CardContent, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, LinearProgress, Stack, Switch, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { isOrgManager } from '../auth/roles';
import { useRoles } from '../auth/useRoles';
import { formatDateTime } from '../common/format';
import { LoadErrorState } from '../common/LoadError';
import { Day, errorMessage } from '../cycles/common';
import { useLoad, useLocale } from '../cycles/useCycleApi';
import { useGovernance } from '../governance/common';
import { base64ToBlob, downloadBlob } from '../import/files';
import { type ArchiveData, archiveQuery, EXPORT, PURGE, RETENTION, SAVE_RETENTION } from './api';
import { ArchiveTable } from './ArchiveView';

interface Retention {
  archiveRetention: { years: number; byKind: Record<string, number>; version: number };
  archivePurgePlan: { purge: Record<string, number>; keep: Record<string, number> };
}

const sum = (counts: Record<string, number>): number => Object.values(counts).reduce((s, n) => s + n, 0);

/** HR: how long archives are kept, what a purge would remove today, and the purge itself (audited; exported archives only). */
const RetentionPanel = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const call = useGovernance();
  const loaded = useLoad((api) => api.governance<Retention>(RETENTION), []);
  const [years, setYears] = useState('');
  const [confirm, setConfirm] = useState(false);
  const data = loaded.data;
  if (loaded.error) return <LoadErrorState error={loaded.error} onRetry={loaded.reload} />;
  if (!data) return <LinearProgress />;
  const r = data.archiveRetention;
  const save = async () => {
    try {
      await call(SAVE_RETENTION, { i: { years: Number(years), byKind: r.byKind }, v: r.version });
      notify('app.archive.retention_saved', { type: 'success' });
      setYears('');
      loaded.reload();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    }
  };
  const purge = async () => {
    try {
      const done = await call<{ purgeArchives: { purge: Record<string, number> } }>(PURGE);
      notify(translate('app.archive.purged', { n: sum(done.purgeArchives.purge) }), { type: 'success' });
      setConfirm(false);
      loaded.reload();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    }
  };
  const toPurge = sum(data.archivePurgePlan.purge);
  return (
    <Card variant="outlined" data-testid="archive-retention">
      <CardContent>
        <Stack spacing={1}>
          <Typography variant="subtitle1">{translate('app.archive.retention')}</Typography>
          <Typography variant="body2" data-testid="retention-years">
            {translate('app.archive.retention_line', { n: r.years })}
            {Object.entries(r.byKind).map(([kind, n]) => ` · ${translate(`app.archive.kind_raw.${kind}`, { _: kind })}: ${translate('app.archive.years', { n })}`)}
          </Typography>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <TextField size="small" type="number" label={translate('app.archive.years_label')} value={years} onChange={(e) => setYears(e.target.value)} sx={{ width: 140 }} slotProps={{ htmlInput: { min: 1, max: 100, 'data-testid': 'retention-input' } }} />
            <Button disabled={!years} onClick={() => void save()} data-testid="retention-save">
              {translate('ra.action.save')}
            </Button>
          </Stack>
          <Typography variant="body2" data-testid="purge-plan">
            {translate('app.archive.purge_plan', { purge: toPurge, notExported: data.archivePurgePlan.keep.notExported ?? 0, held: data.archivePurgePlan.keep.held ?? 0 })}
          </Typography>
          <Box>
            <Button color="error" variant="outlined" disabled={toPurge === 0} onClick={() => setConfirm(true)} data-testid="purge">
              {translate('app.archive.purge')}
            </Button>
          </Box>
        </Stack>
      </CardContent>
      <Dialog open={confirm} onClose={() => setConfirm(false)}>
        <DialogTitle>{translate('app.archive.purge')}</DialogTitle>
        <DialogContent>
          <Typography>{translate('app.archive.purge_confirm', { n: toPurge })}</Typography>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirm(false)}>{translate('ra.action.cancel')}</Button>
          <Button color="error" variant="contained" onClick={() => void purge()} data-testid="purge-confirm">
            {translate('app.archive.purge')}
          </Button>
        </DialogActions>
      </Dialog>
    </Card>
  );
};

/**
 * The Archive tab of the employee page (HR for anyone, a person for themself): every closed appraisal with its scheme
 * version, inputs, result and explanation, acknowledgements, appeals, ledger entries, honours and probation outcomes
 * in time order; HR exports it (Excel) and prints it; retention and the purge below.
 */
export const ArchiveTab = ({ employeeId }: { employeeId: string }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const notify = useNotify();
  const call = useGovernance();
  const { roles } = useRoles();
  const hr = isOrgManager(roles);
  const [details, setDetails] = useState(false);
  const archive = useLoad(async (api) => (await api.governance<{ employeeArchive: ArchiveData }>(archiveQuery(hr), { id: employeeId, lang: locale === 'zh' ? 'ZH' : 'EN' })).employeeArchive, [employeeId, locale, hr]);
  const exportExcel = async () => {
    try {
      const file = (await call<{ exportArchive: { fileName: string; contentType: string; contentBase64: string } }>(EXPORT, { id: employeeId })).exportArchive;
      downloadBlob(base64ToBlob(file.contentBase64, file.contentType), file.fileName);
      notify('app.archive.exported', { type: 'success' });
      archive.reload();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    }
  };
  return (
    <Stack spacing={2} sx={{ mt: 1 }} data-testid="archive-tab">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <FormControlLabel control={<Switch checked={details} onChange={(e) => setDetails(e.target.checked)} data-testid="archive-details" />} label={translate('app.archive.details')} />
        <span style={{ flex: 1 }} />
        {hr && (
          <Button startIcon={<DownloadIcon />} onClick={() => void exportExcel()} data-testid="archive-export">
            {translate('app.archive.export')}
          </Button>
        )}
        <Button startIcon={<PrintIcon />} href={`#/archive/${employeeId}/print`} target="_blank" data-testid="archive-print">
          {translate('app.archive.print')}
        </Button>
      </Stack>
      {hr && archive.data?.lastExport && (
        <Typography variant="body2" color="text.secondary" data-testid="archive-last-export">
          {translate('app.archive.last_export', { when: formatDateTime(archive.data.lastExport.exportedAt, locale), n: archive.data.lastExport.events })} <Day value={archive.data.lastExport.upTo} />
        </Typography>
      )}
      {archive.loading && <LinearProgress />}
      {archive.error ? (
        <LoadErrorState error={archive.error} onRetry={archive.reload} />
      ) : archive.data && archive.data.events.length === 0 ? (
        <Alert severity="info" data-testid="archive-empty">
          {translate('app.archive.empty')}
        </Alert>
      ) : archive.data ? (
        <ArchiveTable events={archive.data.events} details={details} />
      ) : null}
      {hr && <RetentionPanel />}
    </Stack>
  );
};
