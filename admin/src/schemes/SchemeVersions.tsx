import DownloadIcon from '@mui/icons-material/Download';
import { IconButton, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useDataProvider, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/format';
import type { AppDataProvider } from '../dataProvider';
import { base64ToBlob, downloadBlob } from '../import/files';
import type { SchemeVersionRecord } from './types';

/** Exports one version (or the draft, without a number) as the JSON file importScheme takes. */
export const useSchemeExport = (id: string) => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  return async (versionNumber?: number) => {
    try {
      const file = await dataProvider.exportScheme(id, versionNumber);
      downloadBlob(base64ToBlob(file.contentBase64, file.contentType), file.fileName);
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    }
  };
};

/** The published versions, newest first. */
export const SchemeVersions = ({ id, versions, canExport }: { id: string; versions: SchemeVersionRecord[]; canExport: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const exportVersion = useSchemeExport(id);
  if (versions.length === 0) return <Typography variant="body2">{translate('app.scheme.no_versions')}</Typography>;
  return (
    <Table size="small" data-testid="scheme-versions">
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.scheme.version_number')}</TableCell>
          <TableCell>{translate('app.scheme.published_at')}</TableCell>
          <TableCell>{translate('app.scheme.published_by')}</TableCell>
          {canExport && <TableCell />}
        </TableRow>
      </TableHead>
      <TableBody>
        {versions.map((v) => (
          <TableRow key={v.id} data-testid={`version-${v.number}`}>
            <TableCell>{v.number}</TableCell>
            <TableCell>{formatDateTime(v.publishedAt, locale)}</TableCell>
            <TableCell>{v.publishedBy ?? '-'}</TableCell>
            {canExport && (
              <TableCell>
                <IconButton size="small" aria-label={translate('app.scheme.export_json')} onClick={() => void exportVersion(v.number)}>
                  <DownloadIcon fontSize="small" />
                </IconButton>
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
