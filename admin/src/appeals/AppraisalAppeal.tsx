import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Link as MuiLink, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { readSession } from '../auth/session';
import { useSubmit } from '../common/useSubmit';
import { Day } from '../cycles/common';
import { useLoad } from '../cycles/useCycleApi';
import { inboxChanged, useGovernance } from '../governance/common';
import { type AppealAttachment, APPEALS, type AppealDetail, type AppealSummary, FILE, isOpen, sha256Hex } from './api';
import { AppealStateChip, AttachmentList, OutcomeChip } from './parts';

/** Appraisal states whose result can be appealed (the API checks the scheme's appeal window). */
const APPEALABLE = ['PUBLISHED', 'REFUSED', 'LAPSED'];

/** The employee's appeal form: grounds and the metadata of files (name, type, size, SHA-256; the files stay with the employee). */
const FileDialog = ({ appraisalId, onClose, onDone }: { appraisalId: string; onClose: () => void; onDone: (a: AppealDetail) => void }) => {
  const translate = useTranslate();
  const call = useGovernance();
  const { busy, submit: write } = useSubmit();
  const [grounds, setGrounds] = useState('');
  const [files, setFiles] = useState<AppealAttachment[]>([]);
  const pick = async (list: FileList | null) => {
    const picked = await Promise.all([...(list ?? [])].map(async (f) => ({ name: f.name, contentType: f.type || 'application/octet-stream', size: f.size, sha256: await sha256Hex(f) })));
    setFiles((fs) => [...fs, ...picked]);
  };
  const submit = () =>
    write(() => call<{ fileAppeal: AppealDetail }>(FILE, { i: { appraisalId, grounds: grounds.trim(), attachments: files } }), 'app.appeals.filed_done', (done) => {
      inboxChanged();
      onDone(done.fileAppeal);
    });
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate('app.appeals.file_title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <Typography variant="body2" color="text.secondary">
            {translate('app.appeals.file_help')}
          </Typography>
          <TextField autoFocus fullWidth multiline minRows={4} label={translate('app.appeals.grounds')} value={grounds} onChange={(e) => setGrounds(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'appeal-grounds-input' } }} />
          <Box>
            <Button component="label" variant="outlined" size="small">
              {translate('app.appeals.add_files')}
              <input hidden multiple type="file" onChange={(e) => void pick(e.target.files)} data-testid="appeal-files" />
            </Button>
            <AttachmentList files={files} testId="appeal-file-list" />
          </Box>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={busy || !grounds.trim()} onClick={() => void submit()} data-testid="appeal-submit">
          {translate('app.appeals.file')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/**
 * On the employee's published appraisal: their appeals against it (status, due day, decision, a link to the
 * appeal) and, while none is open and the result is final, the form to appeal it.
 */
export const AppraisalAppeal = ({ appraisalId, state, onChanged }: { appraisalId: string; state: string; onChanged: () => void }) => {
  const translate = useTranslate();
  const [filing, setFiling] = useState(false);
  const me = readSession()?.user.employeeId ?? null;
  const list = useLoad(
    async (api) => (await api.governance<{ appeals: { nodes: AppealSummary[] } }>(APPEALS, { f: me ? { appellantId: me } : {}, s: [{ field: 'FILED_ON', direction: 'DESC' }] })).appeals.nodes.filter((a) => a.target.appraisalId === appraisalId),
    [appraisalId, me],
  );
  const appeals = list.data ?? [];
  const open = appeals.some((a) => isOpen(a.state));
  return (
    <Stack spacing={1} data-testid="my-appeal">
      {appeals.map((a) => (
        <Alert key={a.id} severity={a.outcome === 'UPHELD' ? 'success' : isOpen(a.state) ? 'info' : 'warning'} icon={false}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography variant="body2">{translate('app.appeals.your_appeal', { smart_count: 1 })}</Typography>
            <AppealStateChip state={a.state} />
            <OutcomeChip outcome={a.outcome} />
            <Typography variant="body2">
              {translate('app.appeals.filed_on')}: <Day value={a.filedOn} /> · {translate('app.appeals.due_on')}: <Day value={a.dueOn} />
            </Typography>
            <MuiLink component={Link} to={`/appeals/${a.id}`} data-testid="my-appeal-open">
              {translate('app.appeals.open')}
            </MuiLink>
          </Stack>
        </Alert>
      ))}
      {!open && APPEALABLE.includes(state) && list.data !== undefined && (
        <Box>
          <Button variant="outlined" onClick={() => setFiling(true)} data-testid="appeal-result">
            {translate('app.appeals.appeal_result')}
          </Button>
        </Box>
      )}
      {filing && (
        <FileDialog
          appraisalId={appraisalId}
          onClose={() => setFiling(false)}
          onDone={() => {
            setFiling(false);
            list.reload();
            onChanged();
          }}
        />
      )}
    </Stack>
  );
};
