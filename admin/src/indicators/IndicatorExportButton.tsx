import DownloadIcon from '@mui/icons-material/Download';
import { useState } from 'react';
import { Button, useDataProvider, useListContext, useNotify } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';
import { base64ToBlob, downloadBlob } from '../import/files';

/** Downloads the indicators matching the list's filters as .xlsx (exportIndicators). */
export const IndicatorExportButton = () => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const { filterValues } = useListContext();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      const { q, categoryId, scoringMethod, measurementSource, tag, active } = filterValues as Record<string, unknown>;
      const filter = Object.fromEntries(
        Object.entries({ q, categoryId, scoringMethod, measurementSource, tag, active }).filter(([, v]) => v !== undefined && v !== ''),
      );
      const file = await dataProvider.exportIndicators(filter);
      downloadBlob(base64ToBlob(file.contentBase64, file.contentType), file.fileName);
      notify('app.import.exported', { type: 'success' });
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return <Button label="app.indicator.export" onClick={() => void onClick()} disabled={busy} startIcon={<DownloadIcon />} />;
};
