import { Box, Card, CardContent, LinearProgress, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Title, useTranslate } from 'react-admin';
import type { Loaded } from '../cycles/useCycleApi';
import { LoadErrorState } from './LoadError';

interface CardListPageProps<T> {
  /** The page title (an i18n key). */
  title: string;
  loaded: Loaded<T[]>;
  /** Text when there is nothing to show (an i18n key) and its test id. */
  empty: string;
  emptyTestId: string;
  /** One card per item (it carries its own key). */
  card: (item: T) => ReactNode;
}

/**
 * A page of cards, one per item (the employee's appraisals, the rater's statement requests): a progress bar
 * while loading, the load error with a retry, a card with the empty text, or the cards. Lists of rows use
 * ListCard (cycles/ListCard.tsx) instead.
 */
export function CardListPage<T>({ title, loaded, empty, emptyTestId, card }: CardListPageProps<T>) {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate(title)} />
      {loaded.loading && <LinearProgress />}
      {loaded.error ? (
        <LoadErrorState error={loaded.error} onRetry={loaded.reload} />
      ) : (
        <Stack spacing={2}>
          {loaded.data?.length === 0 && (
            <Card>
              <CardContent>
                <Typography color="text.secondary" data-testid={emptyTestId}>
                  {translate(empty)}
                </Typography>
              </CardContent>
            </Card>
          )}
          {(loaded.data ?? []).map(card)}
        </Stack>
      )}
    </Box>
  );
}
