import CloudOffIcon from '@mui/icons-material/CloudOff';
import ReplayIcon from '@mui/icons-material/Replay';
import { Button } from '@mui/material';
import { Pagination, useEditContext, useListContext, useShowContext, useTranslate } from 'react-admin';
import { ERROR_CODES, errorCode } from '../dataProvider/graphqlErrors';
import { AccessDeniedContent, HomeButton, NotFoundContent, StatusMessage } from '../layout/StatusPages';

const RetryButton = ({ onRetry }: { onRetry: () => void }) => {
  const translate = useTranslate();
  return (
    <Button variant="contained" startIcon={<ReplayIcon />} onClick={onRetry} data-testid="retry">
      {translate('app.status_page.retry')}
    </Button>
  );
};

/**
 * What a page shows when its data could not be read: a 403 or 404 when the API says so, otherwise
 * "could not load" with a retry button (the API unreachable, or a server error). Never an empty list.
 */
export const LoadErrorState = ({ error, onRetry }: { error: unknown; onRetry: () => void }) => {
  const code = errorCode(error);
  if (code === ERROR_CODES.forbidden)
    return (
      <AccessDeniedContent>
        <HomeButton />
      </AccessDeniedContent>
    );
  if (code === ERROR_CODES.notFound)
    return (
      <NotFoundContent>
        <HomeButton />
      </NotFoundContent>
    );
  return (
    <StatusMessage icon={<CloudOffIcon />} title="app.status_page.load_failed_title" message="app.status_page.load_failed" testId="load-error">
      <RetryButton onRetry={onRetry} />
    </StatusMessage>
  );
};

export const ListLoadError = () => {
  const { error, refetch } = useListContext();
  return <LoadErrorState error={error} onRetry={() => void refetch()} />;
};

export const ShowLoadError = () => {
  const { error, refetch } = useShowContext();
  return <LoadErrorState error={error} onRetry={() => void refetch()} />;
};

export const EditLoadError = () => {
  const { error, refetch } = useEditContext();
  return <LoadErrorState error={error} onRetry={() => void refetch()} />;
};

/** react-admin's pagination, hidden while the list shows an error (no "1-10 of 10" beside a failure). */
export const ListPagination = () => {
  const { error } = useListContext();
  return error ? null : <Pagination />;
};
