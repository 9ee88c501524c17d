import { Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, MenuItem, Stack, Tab, Tabs, TextField } from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { LocalDateField } from '../common/LocalDateField';
import { localizedName } from '../common/localizedName';
import { errorMessage } from '../cycles/common';
import { useLoad, useLocale } from '../cycles/useCycleApi';
import { type LocalText, SafeMarkdown } from './common';

export interface PolicyDraft {
  title: LocalText;
  body: LocalText;
  effectiveFrom: string;
  scope: { kind: 'ALL' | 'DEPARTMENTS' | 'POSITIONS'; ids: string[] };
  requiresAcknowledgement: boolean;
  acknowledgementWorkingDays: number | null;
}

export const emptyDraft = (): PolicyDraft => ({
  title: { en: '', zh: '' },
  body: { en: '', zh: '' },
  effectiveFrom: new Date().toISOString().slice(0, 10),
  scope: { kind: 'ALL', ids: [] },
  requiresAcknowledgement: false,
  acknowledgementWorkingDays: 5,
});

type Named = { id: string; name: string; nameZh: string | null };

/** Departments for scope and audience pickers (one list, names in both languages). */
export const useDepartments = () =>
  useLoad((api) => api.governance<{ departments: { nodes: Named[] } }>('{ departments(first: 500) { nodes { id name nameZh } } }'), []);

/**
 * HR writes a policy version: title and Markdown body in both languages with a live preview (rendered without raw
 * HTML), effective date, scope and acknowledgement. The API checks it again with the domain's rules.
 */
export const PolicyEditor = ({ open, initial, withCode, onClose, onSave }: { open: boolean; initial: PolicyDraft; withCode: boolean; onClose: () => void; onSave: (draft: PolicyDraft, code: string) => Promise<void> }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const notify = useNotify();
  const [draft, setDraft] = useState<PolicyDraft>(initial);
  const [code, setCode] = useState('');
  const [tab, setTab] = useState<'en' | 'zh' | 'preview'>('en');
  const departments = useDepartments();
  const set = (patch: Partial<PolicyDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const save = async () => {
    try {
      await onSave(draft, code);
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    }
  };
  return (
    <Dialog open={open} onClose={onClose} maxWidth="md" fullWidth>
      <DialogTitle>{translate('app.policies.editor')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          {withCode && <TextField label={translate('app.policies.code')} value={code} onChange={(e) => setCode(e.target.value)} inputProps={{ 'data-testid': 'policy-code' }} />}
          <TextField label={translate('app.policies.title_en')} value={draft.title.en} onChange={(e) => set({ title: { ...draft.title, en: e.target.value } })} inputProps={{ 'data-testid': 'policy-title-en' }} />
          <TextField label={translate('app.policies.title_zh')} value={draft.title.zh} onChange={(e) => set({ title: { ...draft.title, zh: e.target.value } })} inputProps={{ 'data-testid': 'policy-title-zh' }} />
          <Tabs value={tab} onChange={(_e, v: 'en' | 'zh' | 'preview') => setTab(v)}>
            <Tab value="en" label={translate('app.policies.body_en')} />
            <Tab value="zh" label={translate('app.policies.body_zh')} />
            <Tab value="preview" label={translate('app.policies.preview')} data-testid="policy-preview-tab" />
          </Tabs>
          {tab === 'preview' ? (
            <SafeMarkdown text={locale === 'zh' ? draft.body.zh : draft.body.en} testId="policy-preview" />
          ) : (
            <TextField
              multiline
              minRows={8}
              label={translate('app.policies.markdown')}
              value={draft.body[tab]}
              onChange={(e) => set({ body: { ...draft.body, [tab]: e.target.value } })}
              inputProps={{ 'data-testid': `policy-body-${tab}` }}
            />
          )}
          <LocalDateField label={translate('app.policies.effective_from')} value={draft.effectiveFrom} onChange={(effectiveFrom) => set({ effectiveFrom })} />
          <TextField select label={translate('app.policies.scope')} value={draft.scope.kind} onChange={(e) => set({ scope: { kind: e.target.value as 'ALL' | 'DEPARTMENTS', ids: [] } })}>
            <MenuItem value="ALL">{translate('app.policies.scope_all')}</MenuItem>
            <MenuItem value="DEPARTMENTS">{translate('app.policies.scope_departments')}</MenuItem>
          </TextField>
          {draft.scope.kind === 'DEPARTMENTS' && (
            <TextField
              select
              label={translate('app.policies.departments')}
              SelectProps={{ multiple: true }}
              value={draft.scope.ids}
              onChange={(e) => set({ scope: { kind: 'DEPARTMENTS', ids: e.target.value as unknown as string[] } })}
            >
              {(departments.data?.departments.nodes ?? []).map((d) => (
                <MenuItem key={d.id} value={d.id}>
                  {localizedName(d, locale)}
                </MenuItem>
              ))}
            </TextField>
          )}
          <FormControlLabel control={<Checkbox checked={draft.requiresAcknowledgement} onChange={(e) => set({ requiresAcknowledgement: e.target.checked })} />} label={translate('app.policies.requires_ack')} />
          {draft.requiresAcknowledgement && (
            <TextField type="number" label={translate('app.policies.ack_days')} value={draft.acknowledgementWorkingDays ?? ''} onChange={(e) => set({ acknowledgementWorkingDays: e.target.value ? Number(e.target.value) : null })} />
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" onClick={() => void save()} data-testid="policy-save">
          {translate('ra.action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
