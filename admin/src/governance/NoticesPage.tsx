import { Button, Card, CardContent, Checkbox, Chip, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, MenuItem, Stack, Tab, TableCell, TableRow, Tabs, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/format';
import { localizedName } from '../common/localizedName';
import { errorMessage } from '../cycles/common';
import { useLoad, useLocale } from '../cycles/useCycleApi';
import { GovernanceTable, type LocalText, pick, SafeMarkdown, useGovernance } from './common';
import { useDepartments } from './PolicyEditor';

interface ReachRow {
  departmentId: string | null;
  departmentName: string | null;
  departmentNameZh: string | null;
  recipients: number;
  delivered: number;
  read: number;
  acknowledged: number;
  readPercent: string;
  acknowledgedPercent: string;
}
interface Notice {
  id: string;
  version: number;
  status: string;
  title: LocalText;
  body: LocalText;
  pinned: boolean;
  requiresAcknowledgement: boolean;
  visibleFrom: string | null;
  publishAt: string | null;
  expiresAt: string | null;
  audience: { kind: 'ALL' | 'SOME'; departmentIds: string[]; roles: string[] };
  reach: ReachRow[];
}
interface Draft {
  title: LocalText;
  body: LocalText;
  audience: 'ALL' | 'DEPARTMENTS' | 'ROLES';
  departmentIds: string[];
  roles: string[];
  publishAt: string;
  expiresAt: string;
  pinned: boolean;
  requiresAcknowledgement: boolean;
}

const FIELDS = 'id version status title { en zh } body { en zh } pinned requiresAcknowledgement visibleFrom publishAt expiresAt audience { kind departmentIds roles } reach { departmentId departmentName departmentNameZh recipients delivered read acknowledged readPercent acknowledgedPercent }';
// 50 a page keeps the query within the API's cost limit (each notice carries its reach rows).
const LIST = `{ notices(first: 50) { nodes { ${FIELDS} } } }`;
const ROLES = ['EMPLOYEE', 'SUPERVISOR', 'HR', 'COMMITTEE', 'APPROVER'];
const empty = (): Draft => ({ title: { en: '', zh: '' }, body: { en: '', zh: '' }, audience: 'ALL', departmentIds: [], roles: [], publishAt: '', expiresAt: '', pinned: false, requiresAcknowledgement: false });
/** A local date-time field's value as a UTC instant (null when empty). */
const instant = (local: string): string | null => (local ? new Date(local).toISOString() : null);

/** HR's notices: compose (audience, schedule, expiry, pinned, acknowledgement), publish, withdraw, and reach per department. */
export const NoticesPage = () => {
  const translate = useTranslate();
  const locale = useLocale();
  const notify = useNotify();
  const call = useGovernance();
  const [composing, setComposing] = useState<Draft | null>(null);
  const [tab, setTab] = useState<'en' | 'zh' | 'preview'>('en');
  const [reach, setReach] = useState<Notice | null>(null);
  const notices = useLoad((api) => api.governance<{ notices: { nodes: Notice[] } }>(LIST), []);
  const departments = useDepartments();

  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      notify(done, { type: 'success' });
      notices.reload();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    }
  };
  const saveAndMaybePublish = (publish: boolean) =>
    run(async () => {
      if (!composing) return;
      const input = {
        title: composing.title,
        body: composing.body,
        audience: composing.audience === 'ALL' ? { kind: 'ALL' } : { kind: 'SOME', departmentIds: composing.audience === 'DEPARTMENTS' ? composing.departmentIds : [], roles: composing.audience === 'ROLES' ? composing.roles : [] },
        publishAt: instant(composing.publishAt),
        expiresAt: instant(composing.expiresAt),
        pinned: composing.pinned,
        requiresAcknowledgement: composing.requiresAcknowledgement,
      };
      const saved = await call<{ saveNotice: { id: string; version: number } }>('mutation($i: NoticeInput!) { saveNotice(input: $i) { id version } }', { i: input });
      if (publish) await call('mutation($id: ID!, $v: Int!) { publishNotice(id: $id, version: $v) { id } }', { id: saved.saveNotice.id, v: saved.saveNotice.version });
      setComposing(null);
    }, publish ? 'app.notices.published' : 'app.notices.saved');

  const set = (patch: Partial<Draft>) => setComposing((d) => (d ? { ...d, ...patch } : d));
  const overall = (n: Notice) => n.reach[0];
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('app.menu.notices')} />
      <CardContent>
        <Button variant="contained" onClick={() => setComposing(empty())} data-testid="notice-compose">
          {translate('app.notices.compose')}
        </Button>
        <GovernanceTable load={notices} testId="notice-table" headers={['app.notices.title', 'app.notices.status', 'app.notices.visible_from', 'app.notices.reach', '']}>
          {(notices.data?.notices.nodes ?? []).map((n) => (
            <TableRow key={n.id} data-testid={`notice-row-${n.id}`}>
              <TableCell>
                {n.pinned && <Chip size="small" label={translate('app.notices.pinned')} sx={{ mr: 1 }} />}
                {pick(n.title, locale)}
              </TableCell>
              <TableCell>
                <Chip size="small" color={n.status === 'LIVE' ? 'success' : 'default'} label={translate(`app.notices.states.${n.status}`)} />
              </TableCell>
              <TableCell>{n.visibleFrom ? formatDateTime(n.visibleFrom, locale) : '—'}</TableCell>
              <TableCell data-testid={`notice-reach-${n.id}`}>
                {overall(n) && overall(n)!.recipients > 0
                  ? translate(n.requiresAcknowledgement ? 'app.notices.reach_ack_line' : 'app.notices.reach_line', { read: overall(n)!.read, acknowledged: overall(n)!.acknowledged, recipients: overall(n)!.recipients })
                  : '—'}
              </TableCell>
              <TableCell>
                <Button size="small" onClick={() => setReach(n)} disabled={!overall(n) || overall(n)!.recipients === 0}>
                  {translate('app.notices.by_department')}
                </Button>
                {n.status === 'DRAFT' && (
                  <Button size="small" onClick={() => void run(() => call('mutation($id: ID!, $v: Int!) { publishNotice(id: $id, version: $v) { id } }', { id: n.id, v: n.version }), 'app.notices.published')}>
                    {translate('app.notices.publish')}
                  </Button>
                )}
                {(n.status === 'LIVE' || n.status === 'SCHEDULED') && (
                  <Button size="small" color="warning" onClick={() => void run(() => call('mutation($id: ID!, $v: Int!) { withdrawNotice(id: $id, version: $v) { id } }', { id: n.id, v: n.version }), 'app.notices.withdrawn')}>
                    {translate('app.notices.withdraw')}
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </GovernanceTable>
      </CardContent>
      <Dialog open={composing !== null} onClose={() => setComposing(null)} maxWidth="md" fullWidth>
        <DialogTitle>{translate('app.notices.compose')}</DialogTitle>
        {composing && (
          <DialogContent>
            <Stack spacing={2} sx={{ mt: 1 }}>
              <TextField label={translate('app.policies.title_en')} value={composing.title.en} onChange={(e) => set({ title: { ...composing.title, en: e.target.value } })} inputProps={{ 'data-testid': 'notice-title-en' }} />
              <TextField label={translate('app.policies.title_zh')} value={composing.title.zh} onChange={(e) => set({ title: { ...composing.title, zh: e.target.value } })} inputProps={{ 'data-testid': 'notice-title-zh' }} />
              <Tabs value={tab} onChange={(_e, v: 'en' | 'zh' | 'preview') => setTab(v)}>
                <Tab value="en" label={translate('app.policies.body_en')} />
                <Tab value="zh" label={translate('app.policies.body_zh')} />
                <Tab value="preview" label={translate('app.policies.preview')} />
              </Tabs>
              {tab === 'preview' ? (
                <SafeMarkdown text={locale === 'zh' ? composing.body.zh : composing.body.en} />
              ) : (
                <TextField multiline minRows={5} label={translate('app.policies.markdown')} value={composing.body[tab]} onChange={(e) => set({ body: { ...composing.body, [tab]: e.target.value } })} inputProps={{ 'data-testid': `notice-body-${tab}` }} />
              )}
              <TextField select label={translate('app.notices.audience')} value={composing.audience} onChange={(e) => set({ audience: e.target.value as Draft['audience'] })} inputProps={{ 'data-testid': 'notice-audience' }}>
                <MenuItem value="ALL">{translate('app.notices.audience_all')}</MenuItem>
                <MenuItem value="DEPARTMENTS">{translate('app.notices.audience_departments')}</MenuItem>
                <MenuItem value="ROLES">{translate('app.notices.audience_roles')}</MenuItem>
              </TextField>
              {composing.audience === 'DEPARTMENTS' && (
                <TextField select SelectProps={{ multiple: true }} label={translate('app.policies.departments')} value={composing.departmentIds} onChange={(e) => set({ departmentIds: e.target.value as unknown as string[] })}>
                  {(departments.data?.departments.nodes ?? []).map((d) => (
                    <MenuItem key={d.id} value={d.id}>
                      {localizedName(d, locale)}
                    </MenuItem>
                  ))}
                </TextField>
              )}
              {composing.audience === 'ROLES' && (
                <TextField select SelectProps={{ multiple: true }} label={translate('app.notices.audience_roles')} value={composing.roles} onChange={(e) => set({ roles: e.target.value as unknown as string[] })}>
                  {ROLES.map((r) => (
                    <MenuItem key={r} value={r}>
                      {translate(`app.notices.roles.${r}`)}
                    </MenuItem>
                  ))}
                </TextField>
              )}
              <TextField type="datetime-local" label={translate('app.notices.publish_at')} helperText={translate('app.notices.publish_at_help')} value={composing.publishAt} onChange={(e) => set({ publishAt: e.target.value })} InputLabelProps={{ shrink: true }} />
              <TextField type="datetime-local" label={translate('app.notices.expires_at')} value={composing.expiresAt} onChange={(e) => set({ expiresAt: e.target.value })} InputLabelProps={{ shrink: true }} />
              <FormControlLabel control={<Checkbox checked={composing.pinned} onChange={(e) => set({ pinned: e.target.checked })} />} label={translate('app.notices.pinned')} />
              <FormControlLabel control={<Checkbox checked={composing.requiresAcknowledgement} onChange={(e) => set({ requiresAcknowledgement: e.target.checked })} inputProps={{ 'aria-label': 'ack' }} data-testid="notice-ack" />} label={translate('app.notices.requires_ack')} />
            </Stack>
          </DialogContent>
        )}
        <DialogActions>
          <Button onClick={() => setComposing(null)}>{translate('ra.action.cancel')}</Button>
          <Button onClick={() => void saveAndMaybePublish(false)} data-testid="notice-save">
            {translate('app.notices.save_draft')}
          </Button>
          <Button variant="contained" onClick={() => void saveAndMaybePublish(true)} data-testid="notice-publish">
            {translate('app.notices.publish')}
          </Button>
        </DialogActions>
      </Dialog>
      <Dialog open={reach !== null} onClose={() => setReach(null)} maxWidth="md" fullWidth>
        <DialogTitle>{reach ? pick(reach.title, locale) : ''}</DialogTitle>
        <DialogContent>
          <GovernanceTable testId="notice-reach-table" headers={['app.notices.department', 'app.notices.recipients', 'app.notices.delivered', 'app.notices.read', 'app.notices.acknowledged']}>
            {(reach?.reach ?? []).map((r) => (
              <TableRow key={r.departmentId ?? 'all'}>
                <TableCell>{r.departmentId ? (locale === 'zh' ? r.departmentNameZh : r.departmentName) : <Typography fontWeight={700}>{translate('app.notices.overall')}</Typography>}</TableCell>
                <TableCell>{r.recipients}</TableCell>
                <TableCell>{r.delivered}</TableCell>
                <TableCell>
                  {r.read} ({r.readPercent}%)
                </TableCell>
                <TableCell>
                  {r.acknowledged} ({r.acknowledgedPercent}%)
                </TableCell>
              </TableRow>
            ))}
          </GovernanceTable>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setReach(null)}>{translate('ra.action.close')}</Button>
        </DialogActions>
      </Dialog>
    </Card>
  );
};
