import NavigateBeforeIcon from '@mui/icons-material/NavigateBefore';
import NavigateNextIcon from '@mui/icons-material/NavigateNext';
import { IconButton, Stack, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import type { AppDataProvider } from '../dataProvider';
import type { PageOf } from '../dataProvider/cycleApi';
import { type Loaded, useLoad } from './useCycleApi';

/** Where a paged list stands and how to move: pages follow the connection's cursors (`after` = the last page's `endCursor`). */
export interface Pager {
  /** 0-based page number. */
  page: number;
  size: number;
  totalCount: number | null;
  /** Rows the page read (a page may show fewer, e.g. the published ones of the appraisals read). */
  rows: number;
  hasNext: boolean;
  next: () => void;
  prev: () => void;
}

/**
 * Loads a connection one page at a time by cursor. `keys` restart from the first page when they change (a filter);
 * `stay` reload the page shown without moving (an edit on it); `reload()` does the same.
 */
export function usePagedLoad<T, P extends PageOf<T>>(
  load: (api: AppDataProvider, after: string | null) => Promise<P>,
  size: number,
  keys: readonly unknown[],
  stay: readonly unknown[] = [],
): { loaded: Loaded<P>; pager: Pager } {
  const key = JSON.stringify(keys);
  const [stack, setStack] = useState<{ key: string; cursors: Array<string | null> }>({ key, cursors: [null] });
  const cursors = stack.key === key ? stack.cursors : [null];
  const after = cursors[cursors.length - 1] ?? null;
  const loaded = useLoad((api) => load(api, after), [key, after, ...stay]);
  const endCursor = loaded.data?.pageInfo.endCursor ?? null;
  const hasNext = !loaded.loading && Boolean(loaded.data?.pageInfo.hasNextPage && endCursor);
  return {
    loaded,
    pager: {
      page: cursors.length - 1,
      size,
      totalCount: loaded.data?.totalCount ?? null,
      rows: loaded.data ? (loaded.data.read ?? loaded.data.nodes.length) : 0,
      hasNext,
      next: () => hasNext && setStack({ key, cursors: [...cursors, endCursor] }),
      prev: () => cursors.length > 1 && setStack({ key, cursors: cursors.slice(0, -1) }),
    },
  };
}

/** "101–200 of 523" with previous / next buttons; nothing when everything fits on one page. */
export const PageControls = ({ pager, testId }: { pager: Pager; testId: string }) => {
  const translate = useTranslate();
  if (pager.page === 0 && !pager.hasNext) return null;
  const from = pager.page * pager.size + (pager.rows > 0 ? 1 : 0);
  const to = pager.page * pager.size + pager.rows;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'flex-end' }} data-testid={testId}>
      <Typography variant="body2" data-testid={`${testId}-range`}>
        {translate('app.paging.range', { from, to, total: pager.totalCount ?? '?' })}
      </Typography>
      <Tooltip title={translate('app.paging.previous')}>
        <span>
          <IconButton size="small" disabled={pager.page === 0} onClick={pager.prev} aria-label={translate('app.paging.previous')} data-testid={`${testId}-prev`}>
            <NavigateBeforeIcon />
          </IconButton>
        </span>
      </Tooltip>
      <Tooltip title={translate('app.paging.next')}>
        <span>
          <IconButton size="small" disabled={!pager.hasNext} onClick={pager.next} aria-label={translate('app.paging.next')} data-testid={`${testId}-next`}>
            <NavigateNextIcon />
          </IconButton>
        </span>
      </Tooltip>
    </Stack>
  );
};
