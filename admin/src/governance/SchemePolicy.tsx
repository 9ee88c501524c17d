import { Link as MuiLink, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { errorMessage } from '../cycles/common';
import { useLoad, useLocale } from '../cycles/useCycleApi';
import { type LocalText, pick, useGovernance } from './common';

type PolicyRef = { id: string; code: string; currentVersion: { title: LocalText } | null };

/** The policy that governs a scheme, linked to its page; HR picks another (or none). */
export const SchemePolicy = ({ schemeId, hr }: { schemeId: string; hr: boolean }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const notify = useNotify();
  const call = useGovernance();
  const current = useLoad((api) => api.governance<{ scheme: { policy: PolicyRef | null } }>('query($id: ID!) { scheme(id: $id) { policy { id code currentVersion { title { en zh } } } } }', { id: schemeId }), [schemeId]);
  const options = useLoad((api) => (hr ? api.governance<{ policies: { nodes: PolicyRef[] } }>('{ policies(first: 200) { nodes { id code currentVersion { title { en zh } } } } }') : Promise.resolve(null)), [hr]);
  const policy = current.data?.scheme.policy ?? null;
  const change = async (policyId: string) => {
    try {
      await call('mutation($id: ID!, $p: ID) { setGoverningPolicy(kind: SCHEME, id: $id, policyId: $p) { policyId } }', { id: schemeId, p: policyId || null });
      current.reload();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    }
  };
  const title = (p: PolicyRef) => (p.currentVersion ? pick(p.currentVersion.title, locale) : p.code);
  return (
    <Stack direction="row" spacing={2} alignItems="center" sx={{ px: 2, pb: 2 }} data-testid="scheme-policy">
      <Typography variant="body2" color="text.secondary">
        {translate('app.policies.governing')}
      </Typography>
      {hr && options.data ? (
        <TextField select size="small" value={policy?.id ?? ''} onChange={(e) => void change(e.target.value)} sx={{ minWidth: 320 }} inputProps={{ 'data-testid': 'scheme-policy-select' }}>
          <MenuItem value="">{translate('app.policies.none')}</MenuItem>
          {options.data.policies.nodes.map((p) => (
            <MenuItem key={p.id} value={p.id}>
              {title(p)}
            </MenuItem>
          ))}
        </TextField>
      ) : null}
      {policy ? (
        <MuiLink component={Link} to={`/policies/${policy.id}`} data-testid="scheme-policy-link">
          {title(policy)}
        </MuiLink>
      ) : (
        !hr && <Typography variant="body2">{translate('app.policies.none')}</Typography>
      )}
    </Stack>
  );
};
