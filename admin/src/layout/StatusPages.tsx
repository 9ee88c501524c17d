import LockIcon from '@mui/icons-material/Lock';
import SearchOffIcon from '@mui/icons-material/SearchOff';
import { Box, Button, Card, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Title, useAuthenticated, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';

interface StatusProps {
  icon: ReactNode;
  title: string;
  message: string;
  testId: string;
  children?: ReactNode;
}

/** The body of a 403 / 404 / load-error state: an icon, a heading, a sentence and actions, all translated. */
export const StatusMessage = ({ icon, title, message, testId, children }: StatusProps) => {
  const translate = useTranslate();
  return (
    <Box data-testid={testId} sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', textAlign: 'center', gap: 1, py: 6, px: 2 }}>
      <Box sx={{ color: 'text.secondary', '& svg': { fontSize: 56 } }}>{icon}</Box>
      <Typography variant="h5" component="h1">
        {translate(title)}
      </Typography>
      <Typography color="text.secondary">{translate(message)}</Typography>
      {children && <Box sx={{ display: 'flex', gap: 1, mt: 2 }}>{children}</Box>}
    </Box>
  );
};

export const HomeButton = () => {
  const translate = useTranslate();
  return (
    <Button variant="contained" component={Link} to="/">
      {translate('app.status_page.home')}
    </Button>
  );
};

/** A whole page saying why there is nothing to show, with the page title set. */
const StatusPage = (props: StatusProps) => {
  const translate = useTranslate();
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate(props.title)} />
      <CardContent>
        <StatusMessage {...props}>
          <HomeButton />
        </StatusMessage>
      </CardContent>
    </Card>
  );
};

export const NotFoundContent = ({ children }: { children?: ReactNode }) => (
  <StatusMessage icon={<SearchOffIcon />} title="app.status_page.not_found_title" message="app.status_page.not_found" testId="not-found">
    {children}
  </StatusMessage>
);

export const AccessDeniedContent = ({ children }: { children?: ReactNode }) => (
  <StatusMessage icon={<LockIcon />} title="app.status_page.forbidden_title" message="app.status_page.forbidden" testId="access-denied">
    {children}
  </StatusMessage>
);

/** 404: no page at this address (react-admin's catch-all). */
export const NotFoundPage = () => {
  const { isPending } = useAuthenticated();
  if (isPending) return null;
  return <StatusPage icon={<SearchOffIcon />} title="app.status_page.not_found_title" message="app.status_page.not_found" testId="not-found" />;
};

/** 403: the page exists but the signed-in person's roles do not allow it. */
export const AccessDeniedPage = () => (
  <StatusPage icon={<LockIcon />} title="app.status_page.forbidden_title" message="app.status_page.forbidden" testId="access-denied" />
);
