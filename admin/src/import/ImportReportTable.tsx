import { Alert, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ImportEmployeesReport } from '../dataProvider';

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

/** Every bad row with its row number, field, code and message. */
export const ImportReportTable = ({ report }: { report: ImportEmployeesReport }) => {
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
              <TableCell>{translate('app.import.field')}</TableCell>
              <TableCell>{translate('app.import.code')}</TableCell>
              <TableCell>{translate('app.import.message')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {report.errors.map((error, index) => (
              <TableRow key={`${error.row}-${error.field ?? ''}-${index}`}>
                <TableCell>{error.row}</TableCell>
                <TableCell>{error.field ?? '-'}</TableCell>
                <TableCell>{error.code}</TableCell>
                <TableCell>{error.message}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Stack>
  );
};
