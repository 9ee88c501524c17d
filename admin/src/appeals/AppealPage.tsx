import { Alert, Box, Button, Card, CardContent, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, LinearProgress, MenuItem, Radio, RadioGroup, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { type ReactNode, useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { useParams } from 'react-router-dom';
import { isOrgManager } from '../auth/roles';
import { readSession } from '../auth/session';
import { useRoles } from '../auth/useRoles';
import { formatDateTime, formatMoney, formatNumber } from '../common/format';
import { localizedName } from '../common/localizedName';
import { PersonPicker } from '../common/PersonPicker';
import { LoadErrorState } from '../common/LoadError';
import { useSubmit } from '../common/useSubmit';
import { Day } from '../cycles/common';
import { useLoad, useLocale } from '../cycles/useCycleApi';
import type { EmployeeChoice } from '../dataProvider/cycleApi';
import { useGovernance } from '../governance/common';
import { type AppealHandlerRole, APPRAISAL_CYCLE, APPRAISAL_FOR_APPEAL, ASK, ASSIGN, HANDLER_ROLES, RESULT_INPUTS, type AppealDetail, appealQuery, CLOSE, DECIDE, isOpen, NOTE, type ResultVersion, START, WITHDRAW } from './api';
import { AppealStateChip, AttachmentList, DueFlags, OutcomeChip } from './parts';

interface RatedItem {
  section: string;
  role: string;
  item: string;
  points?: string | number;
  level?: string;
}

interface AppraisalRatings {
  id: string;
  employee: { id: string };
  ratings: Array<{ id: string; section: string; role: string; state: string; rater: { id: string; name: string } | null }>;
  /** The engine input of the appealed result version. */
  input: { ratings?: Array<{ section: string; role: string; items: Record<string, Record<string, unknown>> }> } | null;
}

const Fact = ({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) => {
  const translate = useTranslate();
  return (
    <TableRow>
      <TableCell sx={{ width: 220, color: 'text.secondary' }}>{translate(label)}</TableCell>
      <TableCell data-testid={testId}>{children}</TableCell>
    </TableRow>
  );
};

/** The appealed result and the re-scored one side by side (the old version stays on record). */
const Versions = ({ before, after }: { before: ResultVersion | null; after: ResultVersion | null }) => {
  const translate = useTranslate();
  const locale = useLocale();
  if (!before) return null;
  const column = (v: ResultVersion | null, testId: string) => ({
    testId,
    title: v ? translate('app.appeals.version_n', { n: v.number }) : '—',
    total: v ? formatNumber(v.total, locale) : '—',
    grade: v?.grade ?? '—',
    pay: v?.payTotal ? formatMoney(v.payTotal, locale) : '—',
  });
  const cols = [column(before, 'version-before'), ...(after ? [column(after, 'version-after')] : [])];
  return (
    <Table size="small" sx={{ maxWidth: 560 }} data-testid="appeal-versions">
      <TableHead>
        <TableRow>
          <TableCell />
          {cols.map((c) => (
            <TableCell key={c.testId}>{c.title}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {(['total', 'grade', 'pay'] as const).map((k) => (
          <TableRow key={k}>
            <TableCell sx={{ color: 'text.secondary' }}>{translate(`app.appeals.${k}`)}</TableCell>
            {cols.map((c) => (
              <TableCell key={c.testId} data-testid={`${c.testId}-${k}`}>
                {c[k]}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** The items of the appealed result's input a re-score may correct (points and levels). */
const ratedItems = (appraisal: AppraisalRatings | undefined): RatedItem[] =>
  (appraisal?.input?.ratings ?? [])
    .flatMap((r) =>
      Object.entries(r.items ?? {})
        .filter(([, v]) => v && ('points' in v || 'level' in v))
        .map(([item, v]) => ({ section: r.section, role: r.role, item, ...(v.points !== undefined ? { points: v.points as string | number } : {}), ...(v.level !== undefined ? { level: String(v.level) } : {}) })),
    );

const itemKey = (i: { section: string; role: string; item: string }) => `${i.section}/${i.role}/${i.item}`;

/** Decide: upheld with a re-score (the corrected items) or rejected with a reason. */
const DecideDialog = ({ appeal, appraisal, onClose, onDone }: { appeal: AppealDetail; appraisal: AppraisalRatings | undefined; onClose: () => void; onDone: (a: AppealDetail) => void }) => {
  const translate = useTranslate();
  const call = useGovernance();
  const { busy, submit: write } = useSubmit();
  const [outcome, setOutcome] = useState<'UPHELD' | 'REJECTED'>('UPHELD');
  const [reason, setReason] = useState('');
  const [description, setDescription] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const items = ratedItems(appraisal);
  const rescore = outcome === 'UPHELD' && appeal.target.kind === 'RESULT';
  const submit = () => {
    const corrected = items
      .filter((i) => (values[itemKey(i)] ?? '').trim() !== '')
      .map((i) => ({ section: i.section, role: i.role, item: i.item, ...(i.level !== undefined ? { level: values[itemKey(i)]?.trim() } : { points: values[itemKey(i)]?.trim() }) }));
    const d = { outcome, reason: reason.trim(), ...(rescore ? { correction: { description: description.trim(), items: corrected } } : {}) };
    return write(() => call<{ decideAppeal: AppealDetail }>(DECIDE, { id: appeal.id, v: appeal.version, d }), 'app.appeals.decided_done', (done) => onDone(done.decideAppeal));
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md">
      <DialogTitle>{translate('app.appeals.decide')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <RadioGroup row value={outcome} onChange={(e) => setOutcome(e.target.value as 'UPHELD' | 'REJECTED')}>
            <FormControlLabel value="UPHELD" control={<Radio slotProps={{ input: { 'data-testid': 'decide-upheld' } as object }} />} label={translate('app.appeals.uphold')} />
            <FormControlLabel value="REJECTED" control={<Radio slotProps={{ input: { 'data-testid': 'decide-rejected' } as object }} />} label={translate('app.appeals.reject')} />
          </RadioGroup>
          <TextField fullWidth multiline minRows={2} label={translate('app.appeals.reason')} helperText={translate('app.appeals.reason_help')} value={reason} onChange={(e) => setReason(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'decide-reason' } }} />
          {rescore && (
            <>
              <TextField fullWidth label={translate('app.appeals.correction')} value={description} onChange={(e) => setDescription(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'decide-correction' } }} />
              <Typography variant="body2" color="text.secondary">
                {translate('app.appeals.rescore_help')}
              </Typography>
              <Table size="small" data-testid="rescore-items">
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('app.appeals.section')}</TableCell>
                    <TableCell>{translate('app.appeals.rater_role')}</TableCell>
                    <TableCell>{translate('app.appeals.item')}</TableCell>
                    <TableCell>{translate('app.appeals.current')}</TableCell>
                    <TableCell>{translate('app.appeals.corrected')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {items.map((i) => (
                    <TableRow key={itemKey(i)}>
                      <TableCell>
                        <code>{i.section}</code>
                      </TableCell>
                      <TableCell>{translate(`app.scheme.role.${i.role}`, { _: i.role })}</TableCell>
                      <TableCell>
                        <code>{i.item}</code>
                      </TableCell>
                      <TableCell>{i.level ?? String(i.points ?? '')}</TableCell>
                      <TableCell>
                        <TextField
                          size="small"
                          value={values[itemKey(i)] ?? ''}
                          onChange={(e) => setValues((v) => ({ ...v, [itemKey(i)]: e.target.value }))}
                          slotProps={{ htmlInput: { 'data-testid': `rescore-${i.section}-${i.item}` } }}
                          sx={{ width: 120 }}
                        />
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={busy || reason.trim() === ''} onClick={() => void submit()} data-testid="decide-confirm">
          {translate('app.appeals.decide')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/** Ask a rater of the appealed result for a statement, sharing only the excerpt HR chooses. */
const AskDialog = ({ appeal, appraisal, onClose, onDone }: { appeal: AppealDetail; appraisal: AppraisalRatings | undefined; onClose: () => void; onDone: (a: AppealDetail) => void }) => {
  const translate = useTranslate();
  const call = useGovernance();
  const raters = [...new Map((appraisal?.ratings ?? []).filter((r) => r.rater && r.state === 'SUBMITTED').map((r) => [r.rater?.id ?? '', r.rater?.name ?? ''])).entries()];
  const [chosen, setRater] = useState('');
  const rater = chosen || (raters[0]?.[0] ?? '');
  const [question, setQuestion] = useState('');
  const [excerpt, setExcerpt] = useState('');
  const [days, setDays] = useState('2');
  const { busy, submit: write } = useSubmit();
  const submit = () =>
    write(
      () => call<{ requestStatement: AppealDetail }>(ASK, { id: appeal.id, i: { raterEmployeeId: rater, question: question.trim(), sharedExcerpt: excerpt.trim(), dueWorkingDays: Number(days) } }),
      'app.appeals.asked_done',
      (done) => onDone(done.requestStatement),
    );
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate('app.appeals.ask_statement')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField select label={translate('app.appeals.rater')} value={rater} onChange={(e) => setRater(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'ask-rater' } }}>
            {raters.map(([id, name]) => (
              <MenuItem key={id} value={id}>
                {name}
              </MenuItem>
            ))}
          </TextField>
          <TextField multiline label={translate('app.appeals.question')} value={question} onChange={(e) => setQuestion(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'ask-question' } }} />
          <TextField multiline label={translate('app.appeals.shared_excerpt')} helperText={translate('app.appeals.shared_help')} value={excerpt} onChange={(e) => setExcerpt(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'ask-excerpt' } }} />
          <TextField type="number" label={translate('app.appeals.working_days')} value={days} onChange={(e) => setDays(e.target.value)} slotProps={{ htmlInput: { min: 1, 'data-testid': 'ask-days' } }} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={busy || !rater || !question.trim() || !excerpt.trim()} onClick={() => void submit()} data-testid="ask-confirm">
          {translate('app.appeals.ask')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/**
 * Who handles the appeal besides HR: the handlers HR assigned and, while the appeal is open, the form to assign one
 * (a committee member only where the scheme lets the committee handle appeals; the API says so otherwise).
 */
const Handlers = ({ appeal, assign }: { appeal: AppealDetail; assign: (employeeId: string, role: AppealHandlerRole) => Promise<boolean> }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const [person, setPerson] = useState<EmployeeChoice | null>(null);
  const [role, setRole] = useState<AppealHandlerRole>('HANDLER');
  const handlers = appeal.handlers ?? [];
  return (
    <Box>
      <Typography variant="subtitle2">{translate('app.appeals.handlers')}</Typography>
      {handlers.length === 0 ? (
        <Typography color="text.secondary">{translate('app.appeals.no_handlers')}</Typography>
      ) : (
        <Box component="ul" data-testid="appeal-handlers" sx={{ mt: 0.5 }}>
          {handlers.map((h) => (
            <li key={`${h.name}-${h.assignedAt}`}>
              <Typography variant="body2">{translate('app.appeals.handler_assigned', { name: h.name, role: translate(`app.appeals.handler_role.${h.role}`), when: formatDateTime(h.assignedAt, locale) })}</Typography>
            </li>
          ))}
        </Box>
      )}
      {isOpen(appeal.state) && (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mt: 1 }}>
          <PersonPicker value={person} onChange={setPerson} label="app.appeals.handler" testId="assign-handler-person" />
          <TextField select size="small" label={translate('app.appeals.handler_role_label')} value={role} onChange={(e) => setRole(e.target.value as AppealHandlerRole)} sx={{ minWidth: 180 }} slotProps={{ htmlInput: { 'data-testid': 'assign-handler-role' } }}>
            {HANDLER_ROLES.map((r) => (
              <MenuItem key={r} value={r}>
                {translate(`app.appeals.handler_role.${r}`)}
              </MenuItem>
            ))}
          </TextField>
          <Button disabled={!person} onClick={() => person && void assign(person.id, role).then((ok) => ok && setPerson(null))} data-testid="assign-handler">
            {translate('app.appeals.assign')}
          </Button>
        </Stack>
      )}
    </Box>
  );
};

/** HR's handling: handlers, start the review, notes, statements asked of raters, the decision and closing. */
const Handling = ({ appeal, onChange }: { appeal: AppealDetail; onChange: (a: AppealDetail) => void }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const call = useGovernance();
  const { submit } = useSubmit();
  const [note, setNote] = useState('');
  const [dialog, setDialog] = useState<'decide' | 'ask' | null>(null);
  const appraisalId = appeal.target.appraisalId;
  const resultNumber = appeal.previousResult?.number ?? null;
  const appraisal = useLoad(
    async (api): Promise<AppraisalRatings | undefined> => {
      if (!appraisalId) return undefined;
      const found = (await api.governance<{ appraisal: Omit<AppraisalRatings, 'input'> }>(APPRAISAL_FOR_APPEAL, { id: appraisalId })).appraisal;
      const archive = await api.governance<{ employeeArchive: { events: Array<{ kind: string; relatedId: string | null; resultNumber: number | null; inputs: AppraisalRatings['input'] }> } }>(RESULT_INPUTS, { e: found.employee.id });
      const version = archive.employeeArchive.events.find((e) => e.kind === 'APPRAISAL' && e.relatedId === appraisalId && e.resultNumber === resultNumber);
      return { ...found, input: version?.inputs ?? null };
    },
    [appraisalId, resultNumber],
  );
  const run = <K extends string>(document: string, variables: Record<string, unknown>, field: K, message: string) =>
    submit(() => call<Record<K, AppealDetail>>(document, { id: appeal.id, ...variables }), message, (done) => onChange(done[field]));
  const done = (a: AppealDetail) => {
    setDialog(null);
    onChange(a);
  };
  return (
    <Card variant="outlined" data-testid="appeal-handling">
      <CardContent>
        <Stack spacing={2}>
          <Typography variant="h6" component="h2">
            {translate('app.appeals.handling')}
          </Typography>
          <Stack direction="row" spacing={1}>
            {appeal.state === 'FILED' && (
              <Button variant="contained" onClick={() => void run(START, { v: appeal.version }, 'startAppealReview', 'app.appeals.started_done')} data-testid="appeal-start">
                {translate('app.appeals.start_review')}
              </Button>
            )}
            {appeal.state === 'UNDER_REVIEW' && (
              <>
                <Button variant="contained" onClick={() => setDialog('decide')} data-testid="appeal-decide">
                  {translate('app.appeals.decide')}
                </Button>
                {appeal.target.kind === 'RESULT' && (
                  <Button variant="outlined" onClick={() => setDialog('ask')} data-testid="appeal-ask">
                    {translate('app.appeals.ask_statement')}
                  </Button>
                )}
              </>
            )}
            {appeal.state === 'DECIDED' && (
              <Button variant="contained" onClick={() => void run(CLOSE, { v: appeal.version }, 'closeAppeal', 'app.appeals.closed_done')} data-testid="appeal-close">
                {translate('app.appeals.close')}
              </Button>
            )}
          </Stack>
          <Handlers appeal={appeal} assign={(e, r) => run(ASSIGN, { e, r }, 'assignAppealHandler', 'app.appeals.assigned_done')} />
          <Box>
            <Typography variant="subtitle2">{translate('app.appeals.notes')}</Typography>
            {(appeal.notes ?? []).length === 0 && <Typography color="text.secondary">{translate('app.appeals.no_notes')}</Typography>}
            <Box component="ul" data-testid="appeal-notes" sx={{ mt: 0.5 }}>
              {(appeal.notes ?? []).map((n) => (
                <li key={n.id}>
                  <Typography variant="body2">
                    {n.text}{' '}
                    <Typography component="span" variant="caption" color="text.secondary">
                      — {n.author}, {formatDateTime(n.createdAt, locale)}
                    </Typography>
                  </Typography>
                </li>
              ))}
            </Box>
            {isOpen(appeal.state) && (
              <Stack direction="row" spacing={1}>
                <TextField size="small" fullWidth label={translate('app.appeals.add_note')} value={note} onChange={(e) => setNote(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'appeal-note' } }} />
                <Button disabled={!note.trim()} onClick={() => void run(NOTE, { t: note.trim() }, 'addAppealNote', 'app.appeals.note_done').then((ok) => ok && setNote(''))} data-testid="appeal-note-add">
                  {translate('ra.action.add')}
                </Button>
              </Stack>
            )}
          </Box>
          <Box>
            <Typography variant="subtitle2">{translate('app.appeals.statements')}</Typography>
            {(appeal.statements ?? []).length === 0 ? (
              <Typography color="text.secondary">{translate('app.appeals.no_statements')}</Typography>
            ) : (
              <Table size="small" data-testid="appeal-statements">
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('app.appeals.rater')}</TableCell>
                    <TableCell>{translate('app.appeals.question')}</TableCell>
                    <TableCell>{translate('app.appeals.shared_excerpt')}</TableCell>
                    <TableCell>{translate('app.appeals.due_on')}</TableCell>
                    <TableCell>{translate('app.appeals.statement')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {(appeal.statements ?? []).map((s) => (
                    <TableRow key={s.id}>
                      <TableCell>{s.rater}</TableCell>
                      <TableCell>{s.question}</TableCell>
                      <TableCell>{s.sharedExcerpt}</TableCell>
                      <TableCell>
                        <Day value={s.dueOn} />
                      </TableCell>
                      <TableCell>{s.statement ?? <Typography color="text.secondary">{translate('app.appeals.awaiting')}</Typography>}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </Box>
        </Stack>
      </CardContent>
      {dialog === 'decide' && <DecideDialog appeal={appeal} appraisal={appraisal.data} onClose={() => setDialog(null)} onDone={done} />}
      {dialog === 'ask' && <AskDialog appeal={appeal} appraisal={appraisal.data} onClose={() => setDialog(null)} onDone={done} />}
    </Card>
  );
};

/** The appellant withdraws before a decision, with a reason. */
const Withdraw = ({ appeal, onChange }: { appeal: AppealDetail; onChange: (a: AppealDetail) => void }) => {
  const translate = useTranslate();
  const call = useGovernance();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { busy, submit: write } = useSubmit();
  const submit = () =>
    write(() => call<{ withdrawAppeal: AppealDetail }>(WITHDRAW, { id: appeal.id, v: appeal.version, r: reason.trim() }), 'app.appeals.withdrawn_done', (done) => {
      setOpen(false);
      onChange(done.withdrawAppeal);
    });
  return (
    <>
      <Box>
        <Button color="warning" variant="outlined" onClick={() => setOpen(true)} data-testid="appeal-withdraw">
          {translate('app.appeals.withdraw')}
        </Button>
      </Box>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('app.appeals.withdraw')}</DialogTitle>
        <DialogContent>
          <TextField autoFocus fullWidth multiline margin="dense" label={translate('app.appeals.withdrawal_reason')} value={reason} onChange={(e) => setReason(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'withdraw-reason' } }} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" color="warning" disabled={busy || !reason.trim()} onClick={() => void submit()} data-testid="withdraw-confirm">
            {translate('app.appeals.withdraw')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};

/** One appeal: what was filed, where it stands against its due day, the decision and the result versions; HR handles it here. */
export const AppealPage = () => {
  const { id = '' } = useParams();
  const translate = useTranslate();
  const locale = useLocale();
  const { roles } = useRoles();
  const handling = isOrgManager(roles);
  const [current, setCurrent] = useState<AppealDetail | null>(null);
  const loaded = useLoad(async (api) => (await api.governance<{ appeal: AppealDetail }>(appealQuery(handling), { id })).appeal, [id, handling]);
  const appeal = current && current.id === id ? current : loaded.data;
  const appraisalId = appeal?.target.appraisalId ?? null;
  const cycle = useLoad(async (api) => (appraisalId ? (await api.governance<{ appraisal: { cycle: { name: string; nameZh: string | null } } }>(APPRAISAL_CYCLE, { id: appraisalId })).appraisal.cycle : null), [appraisalId]);
  const mine = appeal !== undefined && readSession()?.user.employeeId !== undefined && !handling;
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('app.appeals.title')} />
      {loaded.loading && !appeal && <LinearProgress />}
      {loaded.error && !appeal ? (
        <LoadErrorState error={loaded.error} onRetry={loaded.reload} />
      ) : appeal ? (
        <Stack spacing={2}>
          <Card data-testid="appeal-page">
            <CardContent>
              <Stack spacing={2}>
                <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                  <Typography variant="h6" component="h1">
                    {translate('app.appeals.of', { name: appeal.appellant })}
                  </Typography>
                  <AppealStateChip state={appeal.state} />
                  <OutcomeChip outcome={appeal.outcome} />
                  <DueFlags state={appeal.state} flags={appeal.flags} />
                </Stack>
                <Table size="small" sx={{ maxWidth: 720 }}>
                  <TableBody>
                    <Fact label="app.appeals.target">
                      {translate(`app.appeals.kind.${appeal.target.kind}`)}
                      {cycle.data ? ` · ${localizedName(cycle.data, locale)}` : ''}
                      {appeal.target.periodKey ? ` (${appeal.target.periodKey})` : ''}
                    </Fact>
                    <Fact label="app.appeals.filed_on">
                      <Day value={appeal.filedOn} />
                    </Fact>
                    {appeal.windowCloses && (
                      <Fact label="app.appeals.window_closes">
                        <Day value={appeal.windowCloses} />
                      </Fact>
                    )}
                    <Fact label="app.appeals.due_on" testId="appeal-due">
                      <Day value={appeal.dueOn} />
                    </Fact>
                    {appeal.decidedAt && <Fact label="app.appeals.decided_at">{formatDateTime(appeal.decidedAt, locale)}</Fact>}
                    {appeal.closedAt && <Fact label="app.appeals.closed_at">{formatDateTime(appeal.closedAt, locale)}</Fact>}
                  </TableBody>
                </Table>
                <Box>
                  <Typography variant="subtitle2">{translate('app.appeals.grounds')}</Typography>
                  <Typography sx={{ whiteSpace: 'pre-wrap' }} data-testid="appeal-grounds">
                    {appeal.grounds}
                  </Typography>
                </Box>
                {appeal.attachments.length > 0 && (
                  <Box>
                    <Typography variant="subtitle2">{translate('app.appeals.attachments')}</Typography>
                    <AttachmentList files={appeal.attachments} testId="appeal-attachments" />
                  </Box>
                )}
                {appeal.withdrawnAt && (
                  <Alert severity="info" data-testid="appeal-withdrawn">
                    {translate('app.appeals.withdrawn_on', { when: formatDateTime(appeal.withdrawnAt, locale), reason: appeal.withdrawalReason ?? '' })}
                  </Alert>
                )}
                {appeal.outcome && (
                  <Box data-testid="appeal-decision">
                    <Typography variant="subtitle2">{translate('app.appeals.decision')}</Typography>
                    <Alert severity={appeal.outcome === 'UPHELD' ? 'success' : 'warning'} sx={{ my: 1 }}>
                      {translate(`app.appeals.outcome.${appeal.outcome}`)}: {appeal.reason}
                      {appeal.correction?.description ? ` — ${appeal.correction.description}` : ''}
                    </Alert>
                  </Box>
                )}
                {appeal.previousResult && (
                  <Box>
                    <Typography variant="subtitle2">{translate(appeal.newResult ? 'app.appeals.versions' : 'app.appeals.appealed_result')}</Typography>
                    <Versions before={appeal.previousResult} after={appeal.newResult} />
                  </Box>
                )}
                {mine && isOpen(appeal.state) && <Withdraw appeal={appeal} onChange={setCurrent} />}
              </Stack>
            </CardContent>
          </Card>
          {handling && <Handling appeal={appeal} onChange={setCurrent} />}
        </Stack>
      ) : null}
    </Box>
  );
};
