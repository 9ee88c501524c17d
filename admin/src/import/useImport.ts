import { useState } from 'react';
import { useDataProvider, useNotify } from 'react-admin';
import type { AppDataProvider, ImportEmployeesReport } from '../dataProvider';
import { readAsBase64 } from './files';

/** Dry run, then apply the same file; the report of the last call is kept for the table. */
export const useImport = () => {
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const [report, setReport] = useState<ImportEmployeesReport | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (file: File, dryRun: boolean) => {
    setBusy(true);
    try {
      const contentBase64 = await readAsBase64(file);
      const result = await dataProvider.importEmployees({ fileName: file.name, contentBase64, dryRun });
      setReport(result);
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return { report, busy, run, reset: () => setReport(null) };
};
