import { useState } from 'react';
import { useNotify } from 'react-admin';
import type { ImportEmployeesInput, ImportEmployeesReport } from '../dataProvider';
import { readAsBase64 } from './files';

export type RunImport = (input: ImportEmployeesInput) => Promise<ImportEmployeesReport>;

/** Dry run, then apply the same file; the report of the last call is kept for the table. */
export const useImport = (runImport: RunImport) => {
  const notify = useNotify();
  const [report, setReport] = useState<ImportEmployeesReport | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (file: File, dryRun: boolean) => {
    setBusy(true);
    try {
      const contentBase64 = await readAsBase64(file);
      const result = await runImport({ fileName: file.name, contentBase64, dryRun });
      setReport(result);
    } catch (error) {
      notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return { report, busy, run, reset: () => setReport(null) };
};
