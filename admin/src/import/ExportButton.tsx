import DownloadIcon from '@mui/icons-material/Download';
import { Button } from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import type { FileDownload } from '../dataProvider';
import { base64ToBlob, downloadBlob } from './files';

interface ExportButtonProps {
  exportFile: () => Promise<FileDownload>;
  /** The button's text (an i18n key); "Export to Excel" by default. */
  label?: string;
  testId?: string;
}

/** Downloads a generated spreadsheet (exportEmployees, exportIndicators, the import template). */
export const ExportButton = ({ exportFile, label = 'app.import.export', testId }: ExportButtonProps) => {
  const notify = useNotify();
  const translate = useTranslate();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      const file = await exportFile();
      downloadBlob(base64ToBlob(file.contentBase64, file.contentType), file.fileName);
      notify('app.import.exported', { type: 'success' });
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="outlined" startIcon={<DownloadIcon />} onClick={() => void onClick()} disabled={busy} data-testid={testId}>
      {translate(label)}
    </Button>
  );
};
