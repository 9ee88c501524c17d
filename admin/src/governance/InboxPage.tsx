import { Alert, Box, Button, Card, CardContent, Chip, Dialog, DialogActions, DialogContent, DialogTitle, LinearProgress, Stack, Tab, Table, TableBody, TableCell, TableHead, TableRow, Tabs, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { formatDate, formatDateTime } from '../common/format';
import { LoadErrorState } from '../common/LoadError';
import { errorMessage } from '../cycles/common';
import { useLoad, useLocale } from '../cycles/useCycleApi';
import { inboxChanged, type LocalText, pick, SafeMarkdown, useGovernance } from './common';

interface Item {
  id: string;
  kind: 'NOTICE' | 'TASK';
  taskKind: string | null;
  title: LocalText;
  link: { type: string; id: string };
  due: string | null;
  createdAt: string;
  readAt: string | null;
  doneAt: string | null;
}

interface NoticeView {
  id: string;
  title: LocalText;
  body: LocalText;
  visibleFrom: string | null;
  requiresAcknowledgement: boolean;
  myReceipt: { readAt: string | null; acknowledgedAt: string | null } | null;
}

const INBOX = `query($f: InboxFilter) { myInbox(first: 100, filter: $f) { totalCount nodes { id kind taskKind title { en zh } link { type id } due createdAt readAt doneAt } } }`;
const NOTICE_FIELDS = 'id title { en zh } body { en zh } visibleFrom requiresAcknowledgement myReceipt { readAt acknowledgedAt }';

const FILTERS: Record<string, Record<string, unknown>> = { all: {}, unread: { unread: true }, tasks: { kind: 'TASK', openOnly: true }, notices: { kind: 'NOTICE' } };

/** Where a task's link goes in the console. */
const ROUTES: Record<string, (id: string) => string> = {
  PolicyVersion: (id) => `/policies/version/${id}`,
  Rating: () => '/to-rate',
  Appraisal: () => '/my-appraisals',
  Appeal: (id) => `/appeals/${id}`,
  StatementRequest: () => '/statements',
};

/** One inbox for notices and tasks: open tasks first, then the newest; opening an item marks it read. */
export const InboxPage = () => {
  const translate = useTranslate();
  const locale = useLocale();
  const call = useGovernance();
  const notify = useNotify();
  const navigate = useNavigate();
  const [filter, setFilter] = useState('all');
  const [notice, setNotice] = useState<NoticeView | null>(null);
  const items = useLoad((api) => api.governance<{ myInbox: { totalCount: number; nodes: Item[] } }>(INBOX, { f: FILTERS[filter] }), [filter]);

  const markRead = async (ids: string[] | null) => {
    if (ids) await call('mutation($ids: [ID!]!) { markRead(itemIds: $ids) }', { ids });
    else await call('mutation { markAllRead }');
    inboxChanged();
    items.reload();
  };

  const open = async (item: Item) => {
    try {
      if (item.link.type === 'Notice') {
        const read = await call<{ readNotice: NoticeView }>(`mutation($id: ID!) { readNotice(id: $id) { ${NOTICE_FIELDS} } }`, { id: item.link.id });
        setNotice(read.readNotice);
        inboxChanged();
        items.reload();
        return;
      }
      if (!item.readAt) await markRead([item.id]);
      const route = ROUTES[item.link.type];
      if (route) navigate(route(item.link.id));
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    }
  };

  const acknowledge = async () => {
    if (!notice) return;
    try {
      const done = await call<{ acknowledgeNotice: NoticeView }>(`mutation($id: ID!) { acknowledgeNotice(id: $id) { ${NOTICE_FIELDS} } }`, { id: notice.id });
      setNotice(done.acknowledgeNotice);
      notify('app.inbox.acknowledged', { type: 'success' });
      inboxChanged();
      items.reload();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    }
  };

  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('app.menu.inbox')} />
      <CardContent>
        <Stack direction="row" alignItems="center" justifyContent="space-between">
          <Tabs value={filter} onChange={(_e, v: string) => setFilter(v)}>
            {Object.keys(FILTERS).map((f) => (
              <Tab key={f} value={f} label={translate(`app.inbox.filter.${f}`)} data-testid={`inbox-filter-${f}`} />
            ))}
          </Tabs>
          <Button onClick={() => void markRead(null)} data-testid="inbox-mark-all">
            {translate('app.inbox.mark_all_read')}
          </Button>
        </Stack>
        {items.loading && <LinearProgress />}
        {items.error ? (
          <LoadErrorState error={items.error} onRetry={items.reload} />
        ) : items.data && items.data.myInbox.nodes.length === 0 ? (
          <Typography color="text.secondary" sx={{ mt: 2 }} data-testid="inbox-empty">
            {translate('app.inbox.empty')}
          </Typography>
        ) : (
          <Table size="small" data-testid="inbox-table">
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.inbox.kind')}</TableCell>
                <TableCell>{translate('app.inbox.title')}</TableCell>
                <TableCell>{translate('app.inbox.due')}</TableCell>
                <TableCell>{translate('app.inbox.received')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {(items.data?.myInbox.nodes ?? []).map((item) => (
                <TableRow key={item.id} hover sx={{ cursor: 'pointer' }} onClick={() => void open(item)} data-testid={`inbox-item-${item.link.id}`}>
                  <TableCell>
                    <Chip size="small" color={item.kind === 'TASK' && !item.doneAt ? 'warning' : 'default'} label={translate(item.kind === 'TASK' ? (item.doneAt ? 'app.inbox.done' : 'app.inbox.task') : 'app.inbox.notice')} />
                  </TableCell>
                  <TableCell sx={{ fontWeight: item.readAt ? 400 : 700 }}>{pick(item.title, locale)}</TableCell>
                  <TableCell>{item.due ? formatDate(item.due, locale) : '—'}</TableCell>
                  <TableCell>{formatDateTime(item.createdAt, locale)}</TableCell>
                  <TableCell>{item.readAt ? '' : <Chip size="small" color="primary" label={translate('app.inbox.unread')} />}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
      <Dialog open={notice !== null} onClose={() => setNotice(null)} maxWidth="md" fullWidth>
        {notice && (
          <>
            <DialogTitle>{pick(notice.title, locale)}</DialogTitle>
            <DialogContent>
              {notice.visibleFrom && (
                <Typography variant="caption" color="text.secondary">
                  {formatDateTime(notice.visibleFrom, locale)}
                </Typography>
              )}
              <SafeMarkdown text={pick(notice.body, locale)} testId="notice-body" />
              {notice.requiresAcknowledgement && notice.myReceipt?.acknowledgedAt && (
                <Alert severity="success" data-testid="notice-acknowledged">
                  {translate('app.inbox.acknowledged_at', { time: formatDateTime(notice.myReceipt.acknowledgedAt, locale) })}
                </Alert>
              )}
            </DialogContent>
            <DialogActions>
              {notice.requiresAcknowledgement && !notice.myReceipt?.acknowledgedAt && (
                <Button variant="contained" onClick={() => void acknowledge()} data-testid="notice-acknowledge">
                  {translate('app.inbox.acknowledge')}
                </Button>
              )}
              <Button onClick={() => setNotice(null)}>{translate('ra.action.close')}</Button>
            </DialogActions>
          </>
        )}
      </Dialog>
      <Box />
    </Card>
  );
};
