import MailIcon from '@mui/icons-material/Mail';
import { Badge, IconButton, Tooltip } from '@mui/material';
import { useEffect, useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { readSession } from '../auth/session';
import type { AppDataProvider } from '../dataProvider';

const POLL_MS = 60_000;

/**
 * The app bar's inbox button with the unread count (`inboxCounts`, one small indexed statement), refreshed every
 * minute and when a page marks something read. Accounts without an employee record have no inbox.
 */
export const InboxBadge = () => {
  const api = useDataProvider<AppDataProvider>();
  const translate = useTranslate();
  const navigate = useNavigate();
  const [unread, setUnread] = useState(0);
  const person = Boolean(readSession()?.user.employeeId);
  useEffect(() => {
    if (!person) return undefined;
    let live = true;
    const load = () =>
      api.governance<{ inboxCounts: { unread: number } }>('{ inboxCounts { unread } }').then(
        (r) => live && setUnread(r.inboxCounts.unread),
        () => undefined,
      );
    void load();
    const timer = window.setInterval(() => void load(), POLL_MS);
    window.addEventListener('inbox-changed', load);
    return () => {
      live = false;
      window.clearInterval(timer);
      window.removeEventListener('inbox-changed', load);
    };
  }, [api, person]);
  if (!person) return null;
  return (
    <Tooltip title={translate('app.menu.inbox')}>
      <IconButton color="inherit" onClick={() => navigate('/inbox')} aria-label={translate('app.menu.inbox')} data-testid="inbox-badge">
        <Badge badgeContent={unread} color="error" data-testid="inbox-unread" data-count={unread}>
          <MailIcon />
        </Badge>
      </IconButton>
    </Tooltip>
  );
};
