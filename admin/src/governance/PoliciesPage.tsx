import { Alert, Button, Card, CardContent, Chip, LinearProgress, Stack, TableCell, TableRow, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { useNavigate, useParams } from 'react-router-dom';
import { isOrgManager } from '../auth/roles';
import { useRoles } from '../auth/useRoles';
import { formatDate, formatDateTime } from '../common/format';
import { LoadErrorState } from '../common/LoadError';
import { errorMessage } from '../cycles/common';
import { useLoad, useLocale } from '../cycles/useCycleApi';
import { GovernanceTable, inboxChanged, type LocalText, pick, SafeMarkdown, useGovernance } from './common';
import { emptyDraft, type PolicyDraft, PolicyEditor } from './PolicyEditor';

interface Version {
  id: string;
  version: number;
  number: number;
  state: string;
  title: LocalText;
  body: LocalText;
  effectiveFrom: string;
  publishedAt: string | null;
  scope: { kind: 'ALL' | 'DEPARTMENTS' | 'POSITIONS'; ids: string[] };
  requiresAcknowledgement: boolean;
  myAcknowledgement: string | null;
  linkedSchemes: Array<{ id: string; code: string; name: string; nameZh: string }>;
}
interface PolicyRow {
  id: string;
  code: string;
  currentVersion: Pick<Version, 'title' | 'effectiveFrom' | 'requiresAcknowledgement' | 'myAcknowledgement'> | null;
}
interface Tracking {
  acknowledgementStatus: { inScope: number; acknowledged: number; pending: number; percent: string };
  acknowledged: Array<{ acknowledgedAt: string; employee: { id: string; name: string } }>;
  pending: Array<{ employee: { id: string; name: string } }>;
}

const LIST = '{ policies(first: 200) { nodes { id code currentVersion { title { en zh } effectiveFrom requiresAcknowledgement myAcknowledgement } } } }';
const VERSION = 'id number state title { en zh } body { en zh } effectiveFrom publishedAt scope { kind ids } requiresAcknowledgement myAcknowledgement linkedSchemes { id code name nameZh }';
/** The optimistic-lock version of a policy version is HR's (people only read). */
const policyQuery = (hr: boolean) => `query($id: ID!) { policy(id: $id) { id code currentVersion { id } versions { ${VERSION}${hr ? ' version' : ''} } } }`;
const TRACKING = 'query($id: ID!) { policyVersion(id: $id) { acknowledgementStatus { inScope acknowledged pending percent } acknowledged(first: 200) { acknowledgedAt employee { id name } } pending(first: 200) { employee { id name } } } }';

const toInput = (d: PolicyDraft) => ({
  title: d.title,
  body: d.body,
  effectiveFrom: d.effectiveFrom,
  scope: { kind: d.scope.kind, ids: d.scope.kind === 'ALL' ? [] : d.scope.ids },
  requiresAcknowledgement: d.requiresAcknowledgement,
  acknowledgementWorkingDays: d.requiresAcknowledgement ? d.acknowledgementWorkingDays : null,
});

/** The policies (regulations): HR all of them with a button to write one; people the ones that govern them. */
export const PoliciesPage = () => {
  const translate = useTranslate();
  const locale = useLocale();
  const navigate = useNavigate();
  const { roles } = useRoles();
  const call = useGovernance();
  const [creating, setCreating] = useState(false);
  const list = useLoad((api) => api.governance<{ policies: { nodes: PolicyRow[] } }>(LIST), []);
  const create = async (draft: PolicyDraft, code: string) => {
    const made = await call<{ createPolicy: { id: string } }>('mutation($i: CreatePolicyInput!) { createPolicy(input: $i) { id } }', { i: { code, draft: toInput(draft) } });
    setCreating(false);
    navigate(`/policies/${made.createPolicy.id}`);
  };
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('app.menu.policies')} />
      <CardContent>
        {isOrgManager(roles) && (
          <Button variant="contained" onClick={() => setCreating(true)} data-testid="policy-create">
            {translate('app.policies.create')}
          </Button>
        )}
        <GovernanceTable load={list} testId="policy-table" headers={['app.policies.title', 'app.policies.effective_from', 'app.policies.acknowledgement']}>
          {(list.data?.policies.nodes ?? []).map((p) => (
            <TableRow key={p.id} hover sx={{ cursor: 'pointer' }} onClick={() => navigate(`/policies/${p.id}`)} data-testid={`policy-${p.code}`}>
              <TableCell>{p.currentVersion ? pick(p.currentVersion.title, locale) : translate('app.policies.unpublished')}</TableCell>
              <TableCell>{p.currentVersion ? formatDate(p.currentVersion.effectiveFrom, locale) : '—'}</TableCell>
              <TableCell>
                {p.currentVersion?.requiresAcknowledgement ? (
                  <Chip size="small" color={p.currentVersion.myAcknowledgement ? 'success' : 'warning'} label={translate(p.currentVersion.myAcknowledgement ? 'app.policies.acknowledged' : 'app.policies.to_acknowledge')} />
                ) : (
                  '—'
                )}
              </TableCell>
            </TableRow>
          ))}
        </GovernanceTable>
      </CardContent>
      {creating && <PolicyEditor open withCode initial={emptyDraft()} onClose={() => setCreating(false)} onSave={create} />}
    </Card>
  );
};

/** An inbox task links a version: open its policy. */
export const PolicyVersionRedirect = () => {
  const { id } = useParams();
  const navigate = useNavigate();
  const call = useGovernance();
  useEffect(() => {
    void call<{ policyVersion: { policy: { id: string } } }>('query($id: ID!) { policyVersion(id: $id) { policy { id } } }', { id }).then(
      (r) => navigate(`/policies/${r.policyVersion.policy.id}`, { replace: true }),
      () => navigate('/policies', { replace: true }),
    );
  }, [id]);
  return <LinearProgress />;
};

const ACTIONS: Record<string, string[]> = { draft: ['SUBMIT_FOR_REVIEW'], review: ['RETURN_TO_DRAFT', 'PUBLISH'] };

/** One policy: the version in effect to read and acknowledge; for HR its versions, the editor and who has acknowledged. */
export const PolicyPage = () => {
  const { id } = useParams();
  const translate = useTranslate();
  const locale = useLocale();
  const notify = useNotify();
  const call = useGovernance();
  const { roles } = useRoles();
  const hr = isOrgManager(roles);
  const [editing, setEditing] = useState<{ initial: PolicyDraft; versionId: string | null; version: number | null } | null>(null);
  const policy = useLoad((api) => api.governance<{ policy: { id: string; code: string; currentVersion: { id: string } | null; versions: Version[] } }>(policyQuery(hr), { id }), [id, hr]);
  const current = policy.data?.policy.versions.find((v) => v.id === policy.data?.policy.currentVersion?.id) ?? null;
  const tracking = useLoad((api) => (hr && current?.requiresAcknowledgement ? api.governance<{ policyVersion: Tracking }>(TRACKING, { id: current.id }) : Promise.resolve(null)), [hr, current?.id]);

  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      notify(done, { type: 'success' });
      policy.reload();
      tracking.reload();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    }
  };
  const acknowledge = () =>
    run(async () => {
      await call('mutation($id: ID!) { acknowledgePolicy(versionId: $id) { id } }', { id: current?.id });
      inboxChanged();
    }, 'app.policies.acknowledged_done');
  const transition = (v: Version, action: string) => run(() => call('mutation($id: ID!, $v: Int!, $a: PolicyVersionAction!) { transitionPolicyVersion(id: $id, version: $v, action: $a) { id } }', { id: v.id, v: v.version, a: action }), 'app.policies.saved');
  const remind = () =>
    run(async () => {
      const r = await call<{ remindPolicyAcknowledgement: number }>('mutation($id: ID!) { remindPolicyAcknowledgement(versionId: $id) }', { id: current?.id });
      notify(translate('app.policies.reminded', { count: r.remindPolicyAcknowledgement }), { type: 'info' });
    }, 'app.policies.saved');
  const save = async (draft: PolicyDraft) => {
    await call('mutation($p: ID!, $i: PolicyVersionInput!, $vid: ID, $v: Int) { savePolicyVersion(policyId: $p, input: $i, versionId: $vid, version: $v) { id } }', {
      p: id,
      i: toInput(draft),
      vid: editing?.versionId ?? null,
      v: editing?.version ?? null,
    });
    setEditing(null);
    notify('app.policies.saved', { type: 'success' });
    policy.reload();
  };
  const draftOf = (v: Version): PolicyDraft => ({ title: v.title, body: v.body, effectiveFrom: v.effectiveFrom, scope: v.scope, requiresAcknowledgement: v.requiresAcknowledgement, acknowledgementWorkingDays: 5 });

  if (policy.error) return <LoadErrorState error={policy.error} onRetry={policy.reload} />;
  if (!policy.data) return <LinearProgress />;
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title={current ? pick(current.title, locale) : translate('app.menu.policies')} />
      <Card>
        <CardContent>
          {current ? (
            <>
              <Typography variant="h5" data-testid="policy-title">
                {pick(current.title, locale)}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {translate('app.policies.in_effect', { date: formatDate(current.effectiveFrom, locale) })}
              </Typography>
              <SafeMarkdown text={pick(current.body, locale)} testId="policy-body" />
              {current.linkedSchemes.length > 0 && (
                <Typography variant="body2" data-testid="policy-schemes">
                  {translate('app.policies.governs')}: {current.linkedSchemes.map((s) => (locale === 'zh' ? s.nameZh : s.name)).join(locale === 'zh' ? '、' : ', ')}
                </Typography>
              )}
              {current.requiresAcknowledgement &&
                (current.myAcknowledgement ? (
                  <Alert severity="success" sx={{ mt: 2 }} data-testid="policy-acknowledged">
                    {translate('app.policies.acknowledged_at', { time: formatDateTime(current.myAcknowledgement, locale) })}
                  </Alert>
                ) : (
                  <Button variant="contained" sx={{ mt: 2 }} onClick={() => void acknowledge()} data-testid="policy-acknowledge">
                    {translate('app.policies.acknowledge')}
                  </Button>
                ))}
            </>
          ) : (
            <Typography>{translate('app.policies.unpublished')}</Typography>
          )}
        </CardContent>
      </Card>
      {hr && tracking.data && (
        <Card data-testid="policy-tracking">
          <CardContent>
            <Stack direction="row" spacing={2} alignItems="center">
              <Typography variant="h6">{translate('app.policies.tracking')}</Typography>
              <Typography data-testid="policy-ack-status">
                {translate('app.policies.status_line', { acknowledged: tracking.data.policyVersion.acknowledgementStatus.acknowledged, inScope: tracking.data.policyVersion.acknowledgementStatus.inScope, percent: tracking.data.policyVersion.acknowledgementStatus.percent })}
              </Typography>
              <Button variant="outlined" onClick={() => void remind()} disabled={tracking.data.policyVersion.acknowledgementStatus.pending === 0} data-testid="policy-remind">
                {translate('app.policies.remind')}
              </Button>
            </Stack>
            <Stack direction="row" spacing={4} sx={{ mt: 2 }}>
              <div>
                <Typography variant="subtitle2">{translate('app.policies.pending_people')}</Typography>
                {tracking.data.policyVersion.pending.map((p) => (
                  <Typography key={p.employee.id} variant="body2">
                    {p.employee.name}
                  </Typography>
                ))}
              </div>
              <div>
                <Typography variant="subtitle2">{translate('app.policies.acknowledged_people')}</Typography>
                {tracking.data.policyVersion.acknowledged.map((p) => (
                  <Typography key={p.employee.id} variant="body2">
                    {p.employee.name} · {formatDateTime(p.acknowledgedAt, locale)}
                  </Typography>
                ))}
              </div>
            </Stack>
          </CardContent>
        </Card>
      )}
      {hr && (
        <Card>
          <CardContent>
            <Stack direction="row" justifyContent="space-between">
              <Typography variant="h6">{translate('app.policies.versions')}</Typography>
              <Button onClick={() => setEditing({ initial: current ? draftOf(current) : emptyDraft(), versionId: null, version: null })} data-testid="policy-new-version">
                {translate('app.policies.new_version')}
              </Button>
            </Stack>
            <GovernanceTable testId="policy-versions" headers={['app.policies.number', 'app.policies.title', 'app.policies.state', 'app.policies.effective_from', '']}>
              {policy.data.policy.versions.map((v) => (
                <TableRow key={v.id} data-testid={`policy-version-${v.number}`}>
                  <TableCell>{v.number}</TableCell>
                  <TableCell>{pick(v.title, locale)}</TableCell>
                  <TableCell>
                    <Chip size="small" label={translate(`app.policies.states.${v.state}`)} />
                  </TableCell>
                  <TableCell>{formatDate(v.effectiveFrom, locale)}</TableCell>
                  <TableCell>
                    {v.state === 'DRAFT' && (
                      <Button size="small" onClick={() => setEditing({ initial: draftOf(v), versionId: v.id, version: v.version })}>
                        {translate('ra.action.edit')}
                      </Button>
                    )}
                    {(ACTIONS[v.state.toLowerCase()] ?? []).map((a) => (
                      <Button key={a} size="small" onClick={() => void transition(v, a)} data-testid={`policy-${a}-${v.number}`}>
                        {translate(`app.policies.actions.${a}`)}
                      </Button>
                    ))}
                  </TableCell>
                </TableRow>
              ))}
            </GovernanceTable>
          </CardContent>
        </Card>
      )}
      {editing && <PolicyEditor open withCode={false} initial={editing.initial} onClose={() => setEditing(null)} onSave={save} />}
    </Stack>
  );
};
