import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/** A small table: one header row of translation keys ('' for a cell without a title) and the rows given as children. */
export const KeyTable = ({ headers, testId, children }: { headers: readonly string[]; testId: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Table size="small" data-testid={testId}>
      <TableHead>
        <TableRow>
          {headers.map((header, i) => (
            <TableCell key={`${i}-${header}`}>{header ? translate(header) : null}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>{children}</TableBody>
    </Table>
  );
};

/** A part of a page under its own heading (already translated), e.g. one table of a dashboard. */
export const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box>
    <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
      {title}
    </Typography>
    {children}
  </Box>
);
