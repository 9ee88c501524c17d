import { Card, CardContent, LinearProgress, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Title, useTranslate } from 'react-admin';
import { LoadErrorState } from '../common/LoadError';
import { PageControls, type Pager } from './paging';
import type { Loaded } from './useCycleApi';

/** A select above a list that narrows it (a state, a horizon...): "all" first, then the options. */
export interface ListFilter {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  /** The "every value" option's label; absent when the filter always has a value. */
  allLabel?: string;
  testId?: string;
}

interface ListCardProps<T> {
  /** The page title (an i18n key). */
  title: string;
  filter?: ListFilter;
  /** Buttons at the right of the filter row. */
  actions?: ReactNode;
  loaded: Loaded<T[]>;
  /** Text when the list is empty (an i18n key) and its test id. */
  empty: string;
  emptyTestId: string;
  tableTestId: string;
  /** Column headers (i18n keys; '' for a column without a header). */
  columns: string[];
  row: (item: T) => ReactNode;
  children?: ReactNode;
  /** Page controls under the table when the list comes a page at a time. */
  pager?: Pager;
}

/**
 * The frame of the console's simple lists (cycles, the rater's inbox, probations, team results): a titled card with
 * an optional filter and buttons, a progress bar while loading, the load error with a retry, an empty text, or the
 * table of rows.
 */
export function ListCard<T>({ title, filter, actions, loaded, empty, emptyTestId, tableTestId, columns, row, children, pager }: ListCardProps<T>) {
  const translate = useTranslate();
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate(title)} />
      <CardContent>
        <Stack spacing={2}>
          {(filter || actions) && (
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              {filter && (
                <TextField
                  select
                  size="small"
                  label={translate(filter.label)}
                  value={filter.value}
                  onChange={(e) => filter.onChange(e.target.value)}
                  sx={{ minWidth: 220 }}
                  slotProps={{ htmlInput: filter.testId ? { 'data-testid': filter.testId } : {} }}
                >
                  {filter.allLabel && <MenuItem value="">{translate(filter.allLabel)}</MenuItem>}
                  {filter.options.map((o) => (
                    <MenuItem key={o.value} value={o.value}>
                      {o.label}
                    </MenuItem>
                  ))}
                </TextField>
              )}
              <span style={{ flex: 1 }} />
              {actions}
            </Stack>
          )}
          {children}
          {loaded.loading && <LinearProgress />}
          {loaded.error ? (
            <LoadErrorState error={loaded.error} onRetry={loaded.reload} />
          ) : loaded.data && loaded.data.length === 0 ? (
            <Typography color="text.secondary" data-testid={emptyTestId}>
              {translate(empty)}
            </Typography>
          ) : (
            <Table size="small" data-testid={tableTestId}>
              <TableHead>
                <TableRow>
                  {columns.map((c, i) => (
                    <TableCell key={i}>{c ? translate(c) : null}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>{(loaded.data ?? []).map(row)}</TableBody>
            </Table>
          )}
          {pager && <PageControls pager={pager} testId={`${tableTestId}-pages`} />}
        </Stack>
      </CardContent>
    </Card>
  );
}

/** A Loaded page of a connection as a Loaded list of its nodes. */
export const nodesOf = <T,>(loaded: Loaded<{ nodes: T[] } | T[]>): Loaded<T[]> => ({
  ...loaded,
  data: loaded.data === undefined ? undefined : Array.isArray(loaded.data) ? loaded.data : loaded.data.nodes,
});
