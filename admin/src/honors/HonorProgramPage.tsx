import { Alert, Box, Button, Card, CardContent, Chip, LinearProgress, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Title, useNotify, useTranslate } from 'react-admin';
import { readSession } from '../auth/session';
import { useRoles } from '../auth/useRoles';
import { LoadErrorState } from '../common/LoadError';
import { Day, errorMessage } from '../cycles/common';
import { localText, useCycleApi, useLoad, useLocale } from '../cycles/useCycleApi';
import { honorsOps, type NominationRow, type ProgramDetail } from './api';

const NEXT_HR_STEP: Record<string, string | undefined> = { DRAFT: 'OPEN_NOMINATIONS', NOMINATING: 'CLOSE_NOMINATIONS', REVIEWING: 'OPEN_VOTING', DECIDED: 'ANNOUNCE' };

/** Runs an operation with a busy flag and a notification either way. */
const useRun = (onDone: () => void) => {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const run = async (call: () => Promise<unknown>, message: string) => {
    setBusy(true);
    try {
      await call();
      notify(message, { type: 'success' });
      onDone();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
};

/** The engine's eligibility checks in the console language; failed ones first and marked. */
const Checks = ({ row }: { row: NominationRow }) => {
  const locale = useLocale();
  const translate = useTranslate();
  if (!row.eligibility) return null;
  const failed = row.eligibility.checks.filter((c) => !c.passed);
  if (!failed.length) return <Chip size="small" color="success" label={translate('app.honors.eligible')} />;
  return (
    <Stack spacing={0.5} data-testid="honor-ineligible">
      <Chip size="small" color="warning" label={translate('app.honors.ineligible')} />
      {failed.map((c) => (
        <Typography key={c.code} variant="caption" color="error">
          {locale === 'zh' ? c.messageZh : c.message}
        </Typography>
      ))}
    </Stack>
  );
};

/** A supervisor's (or HR's) nomination: a person of their line and the written reason. */
const NominationForm = ({ program, onDone }: { program: ProgramDetail; onDone: () => void }) => {
  const translate = useTranslate();
  const api = useCycleApi();
  const people = useLoad((a) => honorsOps.people(a), []);
  const [candidate, setCandidate] = useState('');
  const [reason, setReason] = useState('');
  const { busy, run } = useRun(() => {
    setReason('');
    onDone();
  });
  return (
    <Card variant="outlined" data-testid="honor-nomination-form">
      <CardContent>
        <Typography variant="subtitle1">{translate('app.honors.nominate')}</Typography>
        <Stack spacing={1} sx={{ mt: 1 }}>
          <TextField select label={translate('app.honors.candidate')} value={candidate} onChange={(e) => setCandidate(e.target.value)} size="small">
            {(people.data?.nodes ?? []).map((p) => (
              <MenuItem key={p.id} value={p.id}>
                {p.name} ({p.employeeNumber})
              </MenuItem>
            ))}
          </TextField>
          <TextField label={translate('app.honors.reason')} value={reason} onChange={(e) => setReason(e.target.value)} multiline minRows={2} />
          <Box>
            <Button variant="contained" disabled={busy || !candidate} onClick={() => void run(() => honorsOps.nominate(api, program.id, candidate, reason), 'app.honors.nominated')}>
              {translate('app.honors.nominate')}
            </Button>
          </Box>
        </Stack>
      </CardContent>
    </Card>
  );
};

/** The chair's record: approve or reject each candidate (a note to reject), with the minutes of the meeting. */
const DecisionForm = ({ program, ballot, onDone }: { program: ProgramDetail; ballot: NominationRow[]; onDone: () => void }) => {
  const translate = useTranslate();
  const api = useCycleApi();
  const tallies = useLoad((a) => honorsOps.tallies(a, program.id), [program.id, ballot.map((n) => n.votesCast ?? 0).join(',')]);
  const [choice, setChoice] = useState<Record<string, { decision: string; note: string }>>({});
  const [minutes, setMinutes] = useState('');
  const { busy, run } = useRun(onDone);
  const tallyOf = (id: string) => tallies.data?.nodes.find((n) => n.id === id)?.tally ?? null;
  const decisions = ballot.map((n) => ({ nominationId: n.id, decision: choice[n.id]?.decision ?? (tallyOf(n.id)?.outcome === 'approved' ? 'APPROVE' : 'REJECT'), note: choice[n.id]?.note ?? '' }));
  return (
    <Card variant="outlined" data-testid="honor-decision-form">
      <CardContent>
        <Typography variant="subtitle1">{translate('app.honors.decision')}</Typography>
        <Typography variant="body2" color="text.secondary">{translate('app.honors.decision_help')}</Typography>
        <Table size="small">
          <TableBody>
            {ballot.map((n, i) => {
              const tally = tallyOf(n.id);
              return (
                <TableRow key={n.id} data-testid={`decision-row-${n.candidate?.id}`}>
                  <TableCell>{n.candidate?.name}</TableCell>
                  <TableCell>{tally ? translate('app.honors.tally', { approve: tally.approve, reject: tally.reject, abstain: tally.abstain, needed: tally.needed }) : '—'}</TableCell>
                  <TableCell>
                    <TextField select size="small" value={decisions[i]?.decision} onChange={(e) => setChoice({ ...choice, [n.id]: { decision: e.target.value, note: choice[n.id]?.note ?? '' } })} inputProps={{ 'data-testid': `decision-${n.candidate?.id}` }}>
                      <MenuItem value="APPROVE">{translate('app.honors.approve')}</MenuItem>
                      <MenuItem value="REJECT">{translate('app.honors.reject')}</MenuItem>
                    </TextField>
                  </TableCell>
                  <TableCell>
                    <TextField size="small" label={translate('app.honors.note')} value={choice[n.id]?.note ?? ''} onChange={(e) => setChoice({ ...choice, [n.id]: { decision: decisions[i]?.decision ?? 'REJECT', note: e.target.value } })} inputProps={{ 'data-testid': `note-${n.candidate?.id}` }} />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
        <TextField label={translate('app.honors.minutes')} value={minutes} onChange={(e) => setMinutes(e.target.value)} multiline minRows={3} fullWidth sx={{ my: 1 }} inputProps={{ 'data-testid': 'honor-minutes' }} />
        <Button variant="contained" disabled={busy} onClick={() => void run(() => honorsOps.decide(api, program.id, program.version, minutes, decisions.map((d) => (d.note ? d : { nominationId: d.nominationId, decision: d.decision }))), 'app.honors.decided')} data-testid="honor-record-decision">
          {translate('app.honors.record_decision')}
        </Button>
      </CardContent>
    </Card>
  );
};

/** One program: its criteria and committee, the candidates (ballot for members), votes, the chair's decision and the awards. */
export const HonorProgramPage = () => {
  const { id = '' } = useParams();
  const translate = useTranslate();
  const locale = useLocale();
  const api = useCycleApi();
  const { roles } = useRoles();
  const hr = roles.includes('HR');
  const member = roles.includes('COMMITTEE');
  const me = readSession()?.user.employeeId ?? null;
  const view = hr ? 'hr' : member ? 'member' : 'nominator';
  const program = useLoad((a) => honorsOps.program(a, id, view), [id, view]);
  const nominations = useLoad((a) => honorsOps.nominations(a, id, view), [id, view]);
  const reload = () => {
    program.reload();
    nominations.reload();
  };
  const { busy, run } = useRun(reload);
  const p = program.data;
  if (program.error) return <LoadErrorState error={program.error} onRetry={program.reload} />;
  if (!p) return <LinearProgress />;
  const isChair = (p.committee ?? []).some((m) => m.chair && m.employee?.id === me);
  const rows = nominations.data?.nodes ?? [];
  const ballot = rows.filter((n) => n.state === 'SHORTLISTED');
  const next = NEXT_HR_STEP[p.state];
  return (
    <Box sx={{ p: 2 }}>
      <Title title={localText(p.name, locale)} />
      <Stack direction="row" spacing={2} alignItems="center">
        <Typography variant="h5">{localText(p.name, locale)}</Typography>
        <Chip label={translate(`app.honors.program_state.${p.state}`)} data-testid={`honor-state-${p.state}`} />
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ my: 1 }}>
        {translate('app.honors.windows')}: <Day value={p.nominationWindow.opens} /> – <Day value={p.nominationWindow.closes} /> · {translate('app.honors.voting')}: <Day value={p.votingWindow.opens} /> – <Day value={p.votingWindow.closes} />
      </Typography>
      {p.decisionRule && p.committee && (
        <Typography variant="body2" color="text.secondary">
          {translate('app.honors.rule', { quorum: p.decisionRule.quorum, members: p.decisionRule.members })} · {translate('app.honors.committee')}: {p.committee.map((m) => `${m.employee?.name ?? ''}${m.chair ? ` (${translate('app.honors.chair')})` : ''}`).join(', ')}
        </Typography>
      )}
      {hr && next && (
        <Box sx={{ my: 1 }}>
          <Button variant="contained" disabled={busy} onClick={() => void run(() => honorsOps.transition(api, p.id, p.version, next), 'app.honors.moved')} data-testid="honor-next-step">
            {translate(`app.honors.action.${next}`)}
          </Button>
        </Box>
      )}
      {p.minutes && (
        <Alert severity="info" sx={{ my: 1 }}>
          {translate('app.honors.minutes')}: {p.minutes}
        </Alert>
      )}
      {p.state === 'NOMINATING' && (roles.includes('SUPERVISOR') || hr) && <NominationForm program={p} onDone={nominations.reload} />}
      <Typography variant="h6" sx={{ mt: 2 }}>
        {translate(member && !hr ? 'app.honors.ballot' : 'app.honors.candidates')}
      </Typography>
      <Table size="small" data-testid="honor-candidates">
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.honors.candidate')}</TableCell>
            <TableCell>{translate('app.honors.department')}</TableCell>
            <TableCell>{translate('app.honors.annual')}</TableCell>
            <TableCell>{translate('app.honors.reason')}</TableCell>
            <TableCell>{translate('app.honors.eligibility')}</TableCell>
            <TableCell>{translate('app.honors.state')}</TableCell>
            <TableCell>{translate('app.honors.votes')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((n) => (
            <TableRow key={n.id} data-testid={`candidate-${n.candidate?.id}`}>
              <TableCell>{n.candidate?.name}</TableCell>
              <TableCell>{locale === 'zh' ? n.department?.nameZh || n.department?.name : n.department?.name}</TableCell>
              <TableCell>{n.annualResult ? `${n.annualResult.total} · ${n.annualResult.grade ?? ''}` : '—'}</TableCell>
              <TableCell sx={{ maxWidth: 320 }}>{n.reason}</TableCell>
              <TableCell>
                <Checks row={n} />
              </TableCell>
              <TableCell>{translate(`app.honors.nomination_state.${n.state}`)}</TableCell>
              <TableCell>
                <Stack direction="row" spacing={1} alignItems="center">
                  {n.votesCast !== undefined && <span>{translate('app.honors.votes_cast', { count: n.votesCast })}</span>}
                  {n.myVote && <Chip size="small" label={translate(`app.honors.my_vote.${n.myVote}`)} data-testid="my-vote" />}
                  {member && !n.myVote && p.state === 'VOTING' && n.state === 'SHORTLISTED' &&
                    (['APPROVE', 'REJECT', 'ABSTAIN'] as const).map((c) => (
                      <Button key={c} size="small" variant={c === 'APPROVE' ? 'contained' : 'outlined'} disabled={busy} onClick={() => void run(() => honorsOps.vote(api, n.id, c), 'app.honors.voted')} data-testid={`vote-${c}-${n.candidate?.id}`}>
                        {translate(`app.honors.choice.${c}`)}
                      </Button>
                    ))}
                  {hr && n.state === 'NOMINATED' && p.state === 'REVIEWING' && (
                    <Button size="small" disabled={busy} onClick={() => void run(() => honorsOps.review(api, n.id, n.version), 'app.honors.reviewed')}>
                      {translate('app.honors.review')}
                    </Button>
                  )}
                  {n.tally && <span>{translate('app.honors.tally', { approve: n.tally.approve, reject: n.tally.reject, abstain: n.tally.abstain, needed: n.tally.needed })}</span>}
                </Stack>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {isChair && p.state === 'VOTING' && ballot.length > 0 && (
        <Box sx={{ mt: 2 }}>
          <DecisionForm program={p} ballot={ballot} onDone={reload} />
        </Box>
      )}
      {p.awards.length > 0 && (
        <Box sx={{ mt: 2 }}>
          <Typography variant="h6">{translate('app.honors.awards')}</Typography>
          {p.awards.map((a) => (
            <Typography key={a.id}>{`${localText(p.title, locale)} — ${a.recipient?.name ?? ''}`}</Typography>
          ))}
        </Box>
      )}
    </Box>
  );
};
