import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Button } from '@mui/material';
import type { ChangeEvent } from 'react';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import type { AppDataProvider } from '../dataProvider';
import { readAsBase64 } from '../import/files';

/** Imports a scheme exported as JSON (from another environment) as a new scheme, and opens its builder. */
export const SchemeImportButton = () => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const translate = useTranslate();
  const navigate = useNavigate();
  const onInput = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      const scheme = await dataProvider.importScheme(file.name, await readAsBase64(file));
      notify('app.scheme.imported', { type: 'success' });
      navigate(`/schemes/${encodeURIComponent(scheme.id)}`);
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    }
  };
  return (
    <Button component="label" size="small" startIcon={<UploadFileIcon />}>
      {translate('app.scheme.import_json')}
      <input hidden type="file" accept=".json,application/json" onChange={(e) => void onInput(e)} data-testid="scheme-import-file" />
    </Button>
  );
};
