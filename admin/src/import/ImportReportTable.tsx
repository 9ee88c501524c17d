import { Alert, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ImportEmployeesReport } from '../dataProvider';
import type { FieldDetail } from '../dataProvider/graphqlErrors';
import { translateProblem } from '../dataProvider/serverMessages';

const Summary = ({ report }: { report: ImportEmployeesReport }) => {
  const translate = useTranslate();
  return (
    <Stack spacing={1}>
      <Typography data-testid="import-summary">{translate('app.import.summary', { ...report })}</Typography>
      {report.applied ? (
        <Alert severity="success">{translate('app.import.applied', { ...report })}</Alert>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate('app.import.not_applied')}
        </Typography>
      )}
    </Stack>
  );
};

/**
 * Every bad row: its number, the column as the sheet names it ("Employment status", or the file's own
 * header) and what is wrong in the console language (the server's English when it has no words for it).
 */
export const ImportReportTable = ({ report, describe = translateProblem }: { report: ImportEmployeesReport; /** Words a row's problem; the cycle inputs import passes the domain catalog's. */ describe?: (detail: FieldDetail) => string }) => {
  const translate = useTranslate();
  return (
    <Stack spacing={2}>
      <Summary report={report} />
      {report.errors.length === 0 ? (
        <Alert severity="info">{translate('app.import.no_errors')}</Alert>
      ) : (
        <Table size="small" data-testid="import-errors">
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.import.row')}</TableCell>
              <TableCell>{translate('app.import.column')}</TableCell>
              <TableCell>{translate('app.import.message')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {report.errors.map((error, index) => (
              <TableRow key={`${error.row}-${error.field ?? ''}-${index}`} data-code={error.code}>
                <TableCell>{error.row}</TableCell>
                <TableCell>{error.column ?? error.field ?? '-'}</TableCell>
                <TableCell>{describe({ field: error.field ?? '', rule: error.code, message: error.message, ...(error.params ? { params: error.params } : {}) })}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Stack>
  );
};
