import { Alert, Box, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { CardListPage } from '../common/CardListPage';
import { formatDateTime } from '../common/format';
import { useSubmit } from '../common/useSubmit';
import { Day } from '../cycles/common';
import { useLoad, useLocale } from '../cycles/useCycleApi';
import { inboxChanged, useGovernance } from '../governance/common';
import { ANSWER, MY_STATEMENTS, type StatementRequest } from './api';

const Request = ({ request, onDone }: { request: StatementRequest; onDone: () => void }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const call = useGovernance();
  const { busy, submit } = useSubmit();
  const [text, setText] = useState('');
  const answer = () =>
    submit(() => call(ANSWER, { id: request.id, s: text.trim() }), 'app.appeals.answered_done', () => {
      inboxChanged();
      onDone();
    });
  return (
    <Card variant="outlined" data-testid={`statement-${request.id}`}>
      <CardContent>
        <Stack spacing={1}>
          <Typography variant="subtitle2">{translate('app.appeals.question')}</Typography>
          <Typography data-testid="statement-question">{request.question}</Typography>
          <Typography variant="subtitle2">{translate('app.appeals.shared_by_hr')}</Typography>
          <Typography sx={{ whiteSpace: 'pre-wrap' }} data-testid="statement-excerpt">
            {request.sharedExcerpt}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('app.appeals.due_on')}: <Day value={request.dueOn} />
          </Typography>
          {request.statement !== null ? (
            <Alert severity="success" data-testid="statement-given">
              {translate('app.appeals.answered_on', { when: request.answeredAt ? formatDateTime(request.answeredAt, locale) : '' })} {request.statement}
            </Alert>
          ) : (
            <Stack spacing={1}>
              <TextField multiline minRows={3} label={translate('app.appeals.statement')} value={text} onChange={(e) => setText(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'statement-text' } }} />
              <Box>
                <Button variant="contained" disabled={busy || !text.trim()} onClick={() => void answer()} data-testid="statement-submit">
                  {translate('app.appeals.give_statement')}
                </Button>
              </Box>
            </Stack>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};

/**
 * The rater's view of an appeal: only what HR shared with them (the question and the excerpt), never the appeal
 * itself; they answer once.
 */
export const StatementsPage = () => {
  const list = useLoad(async (api) => (await api.governance<{ myStatementRequests: StatementRequest[] }>(MY_STATEMENTS, {})).myStatementRequests, []);
  return <CardListPage title="app.menu.statements" loaded={list} empty="app.appeals.no_requests" emptyTestId="statements-empty" card={(r) => <Request key={r.id} request={r} onDone={list.reload} />} />;
};
