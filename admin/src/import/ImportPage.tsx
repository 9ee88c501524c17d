import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import { Button, Card, CardContent, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState, type ChangeEvent, type ReactNode } from 'react';
import { Title, useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { AppDataProvider, FileDownload } from '../dataProvider';
import { EMPLOYEE_SHEET_COLUMNS } from './employeeColumns';
import { ExportButton } from './ExportButton';
import { isAcceptedFile, ACCEPTED_EXTENSIONS } from './files';
import { ImportReportTable } from './ImportReportTable';
import { useImport, type RunImport } from './useImport';

const FilePicker = ({ file, onChange }: { file: File | null; onChange: (file: File | null) => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const onInput = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0] ?? null;
    // Cleared so that choosing the same (edited) file again fires another change.
    event.target.value = '';
    if (chosen && !isAcceptedFile(chosen.name)) {
      notify('app.import.wrong_type', { type: 'warning' });
      onChange(null);
      return;
    }
    onChange(chosen);
  };
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
      <Button variant="outlined" component="label" startIcon={<UploadFileIcon />}>
        {translate('app.import.choose_file')}
        <input hidden type="file" accept={ACCEPTED_EXTENSIONS.join(',')} onChange={onInput} data-testid="import-file" />
      </Button>
      <Typography variant="body2">{file ? file.name : translate('app.import.no_file')}</Typography>
    </Stack>
  );
};

interface ImportPanelProps {
  title: string;
  intro: string;
  runImport: RunImport;
  exportFile: () => Promise<FileDownload>;
  /** What the sheet must look like: the expected columns and a template to download. */
  columns?: ReactNode;
}

/** Upload a spreadsheet, dry-run it, read the row report, then apply; or export the current list. */
export const ImportPanel = ({ title, intro, runImport, exportFile, columns }: ImportPanelProps) => {
  const translate = useTranslate();
  const [file, setFile] = useState<File | null>(null);
  const { report, busy, run, reset } = useImport(runImport);
  const choose = (next: File | null) => {
    setFile(next);
    reset();
  };
  // Apply only after a clean dry run of this very file: apply writes all rows or none.
  const canApply = file !== null && report !== null && report.dryRun && report.errors.length === 0 && !busy;
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={title} />
      <CardContent>
        <Stack spacing={3}>
          <Typography>{translate(intro)}</Typography>
          {columns}
          <FilePicker file={file} onChange={choose} />
          <Stack direction="row" spacing={2}>
            <Button variant="contained" startIcon={<FactCheckIcon />} disabled={!file || busy} onClick={() => file && void run(file, true)}>
              {translate('app.import.dry_run')}
            </Button>
            <Button variant="contained" color="success" startIcon={<PlayArrowIcon />} disabled={!canApply} onClick={() => file && void run(file, false)}>
              {translate('app.import.apply')}
            </Button>
            <ExportButton exportFile={exportFile} />
          </Stack>
          {report && <ImportReportTable report={report} />}
        </Stack>
      </CardContent>
    </Card>
  );
};

/** The columns the employee sheet has, what goes in each, and the empty template to fill in. */
const EmployeeColumns = ({ template }: { template: () => Promise<FileDownload> }) => {
  const translate = useTranslate();
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="subtitle1">{translate('app.import.expected_columns')}</Typography>
        <ExportButton exportFile={template} label="app.import.template" testId="import-template" />
      </Stack>
      <Table size="small" data-testid="import-columns">
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.import.column')}</TableCell>
            <TableCell>{translate('app.import.content')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {EMPLOYEE_SHEET_COLUMNS.map((column) => (
            <TableRow key={column.key}>
              <TableCell data-testid="import-column-name">
                {translate(`app.import.columns.${column.key}`)}
                {column.required ? ' *' : ''}
              </TableCell>
              <TableCell>{translate(`app.import.column_hints.${column.key}`)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Stack>
  );
};

/** The employee import and export. */
export const ImportPage = () => {
  const dataProvider = useDataProvider<AppDataProvider>();
  return (
    <ImportPanel
      title="app.menu.import"
      intro="app.import.intro"
      runImport={(input) => dataProvider.importEmployees(input)}
      exportFile={() => dataProvider.exportEmployees()}
      columns={<EmployeeColumns template={() => dataProvider.employeeImportTemplate()} />}
    />
  );
};
