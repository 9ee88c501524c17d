import DownloadIcon from '@mui/icons-material/Download';
import TableChartIcon from '@mui/icons-material/TableChart';
import { Alert, Box, Button, Card, CardContent, Collapse, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { type ReactNode, useState } from 'react';
import { useTranslate } from 'react-admin';
import { formatDate, formatMoney, formatNumber } from '../common/format';
import { useLocale } from '../cycles/useCycleApi';
import { downloadCsv } from './format';

/** The numbers behind a chart: the header (already translated) and the rows as shown (exported as they are). */
export interface ChartNumbers {
  head: string[];
  rows: Array<Array<string | number | null>>;
  /** How the table shows each column (the CSV keeps the plain values); text when absent. */
  kinds?: ColumnKind[];
}

export type ColumnKind = 'text' | 'number' | 'money' | 'date';

const show = (value: string | number | null, kind: ColumnKind, locale: string): string => {
  if (value === null || value === '') return '—';
  if (kind === 'number') return formatNumber(value, locale);
  if (kind === 'money') return formatMoney(value, locale);
  if (kind === 'date') return formatDate(String(value), locale);
  return String(value);
};

interface ChartCardProps {
  /** i18n key prefix: `<prefix>.title`, `<prefix>.help`. */
  prefix: string;
  testId: string;
  fileName: string;
  numbers: ChartNumbers;
  /** One line of totals under the title (asserted by the browser test). */
  summary?: ReactNode;
  empty: boolean;
  children: ReactNode;
}

/**
 * One chart of the analytics page: its title and what it counts, the chart, the numbers behind it in a table that
 * opens on demand, and "Export numbers" writing the same rows to a CSV file.
 */
export const ChartCard = ({ prefix, testId, fileName, numbers, summary, empty, children }: ChartCardProps) => {
  const translate = useTranslate();
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  return (
    <Card variant="outlined" data-testid={testId} sx={{ height: '100%' }}>
      <CardContent>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', justifyContent: 'space-between', mb: 1 }}>
          <Box>
            <Typography variant="h6" component="h2">
              {translate(`${prefix}.title`)}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {translate(`${prefix}.help`)}
            </Typography>
          </Box>
          <Stack direction="row" spacing={1} sx={{ flexShrink: 0 }}>
            <Button size="small" startIcon={<TableChartIcon />} onClick={() => setOpen((o) => !o)} disabled={empty} data-testid={`${testId}-table-toggle`}>
              {translate('app.analytics.show_table')}
            </Button>
            <Button size="small" startIcon={<DownloadIcon />} onClick={() => downloadCsv(fileName, numbers.head, numbers.rows)} disabled={empty} data-testid={`${testId}-export`}>
              {translate('app.analytics.export')}
            </Button>
          </Stack>
        </Stack>
        {summary && (
          <Typography variant="body2" data-testid={`${testId}-summary`} sx={{ mb: 1 }}>
            {summary}
          </Typography>
        )}
        {empty ? <Alert severity="info" data-testid={`${testId}-empty`}>{translate('app.analytics.no_data')}</Alert> : children}
        <Collapse in={open && !empty} unmountOnExit>
          <Box sx={{ overflowX: 'auto', maxHeight: 360, mt: 1 }}>
            <Table size="small" stickyHeader data-testid={`${testId}-table`}>
              <TableHead>
                <TableRow>
                  {numbers.head.map((h) => (
                    <TableCell key={h}>{h}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {numbers.rows.map((r, i) => (
                  <TableRow key={i}>
                    {r.map((v, j) => (
                      <TableCell key={j}>{show(v, numbers.kinds?.[j] ?? 'text', locale)}</TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        </Collapse>
      </CardContent>
    </Card>
  );
};
