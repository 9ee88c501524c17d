import { Box, Button, GlobalStyles, LinearProgress, Stack, Typography } from '@mui/material';
import { useEffect } from 'react';
import { useTranslate } from 'react-admin';
import { useParams } from 'react-router-dom';
import { useRoles } from '../auth/useRoles';
import { formatDate } from '../common/format';
import { LoadErrorState } from '../common/LoadError';
import { useLoad, useLocale } from '../cycles/useCycleApi';
import { type ArchiveData, archiveQuery } from './api';
import { ArchiveTable } from './ArchiveView';

/** Print CSS: A4 pages, no buttons, rows not split across pages, black on white. */
const PRINT_CSS = {
  '@page': { size: 'A4', margin: '15mm' },
  '@media print': {
    '.no-print': { display: 'none !important' },
    body: { background: '#fff !important', color: '#000' },
    '.archive-table tr': { breakInside: 'avoid' },
    '.archive-table .MuiChip-root': { border: '1px solid #000', background: 'none !important', color: '#000 !important' },
  },
};

/** The printable archive of one person: the whole history with inputs and explanations, without the console's frame. */
export const ArchivePrintPage = () => {
  const { employeeId = '' } = useParams();
  const translate = useTranslate();
  const locale = useLocale();
  const { isPending } = useRoles();
  const archive = useLoad(
    async (api) => (await api.governance<{ employeeArchive: ArchiveData }>(archiveQuery(false), { id: employeeId, lang: locale === 'zh' ? 'ZH' : 'EN' })).employeeArchive,
    [employeeId, locale],
  );
  useEffect(() => {
    document.title = translate('app.archive.print_title', { name: archive.data?.employee?.name ?? '' });
  }, [archive.data, translate]);
  return (
    <Box sx={{ p: 3, maxWidth: 1100, mx: 'auto' }} data-testid="archive-print-page">
      <GlobalStyles styles={PRINT_CSS} />
      {(archive.loading || isPending) && <LinearProgress className="no-print" />}
      {archive.error ? (
        <LoadErrorState error={archive.error} onRetry={archive.reload} />
      ) : archive.data ? (
        <Stack spacing={2}>
          <Stack direction="row" sx={{ alignItems: 'baseline' }} spacing={2}>
            <Typography variant="h5" component="h1">
              {translate('app.archive.print_title', { name: archive.data.employee?.name ?? '' })}
            </Typography>
            <Typography color="text.secondary">{archive.data.employee?.employeeNumber}</Typography>
            <span style={{ flex: 1 }} />
            <Button className="no-print" variant="contained" onClick={() => window.print()} data-testid="print-now">
              {translate('app.archive.print')}
            </Button>
          </Stack>
          <Typography variant="body2" color="text.secondary">
            {translate('app.archive.printed_on', { date: formatDate(new Date(), locale) })}
          </Typography>
          <ArchiveTable events={archive.data.events} details />
        </Stack>
      ) : null}
    </Box>
  );
};
