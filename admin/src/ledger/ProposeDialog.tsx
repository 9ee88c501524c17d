import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, IconButton, MenuItem, Stack, TextField, ToggleButton, ToggleButtonGroup } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { LocalDateField } from '../common/LocalDateField';
import { errorMessage } from '../cycles/common';
import { useCycleApi, useLocale } from '../cycles/useCycleApi';
import { ledgerOps, type Person, type RuleRow } from './api';
import { ruleName, useRangeText } from './common';
import { PersonPicker } from '../common/PersonPicker';

const today = (): string => new Date().toISOString().slice(0, 10);

/**
 * Proposing an entry under a catalog rule, for one person or for a team (joint liability: one incident split across
 * the members by weight, the shares summing exactly). The API checks the amount against the rule's range and caps
 * and names the range when it refuses.
 */
export const ProposeDialog = ({ open, rules, onClose, onDone }: { open: boolean; rules: RuleRow[]; onClose: () => void; onDone: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const locale = useLocale();
  const api = useCycleApi();
  const rangeText = useRangeText();
  const [mode, setMode] = useState<'person' | 'team'>('person');
  const [person, setPerson] = useState<Person | null>(null);
  const [members, setMembers] = useState<Array<{ person: Person; weight: string }>>([]);
  const [candidate, setCandidate] = useState<Person | null>(null);
  const [ruleCode, setRuleCode] = useState('');
  const [occurredOn, setOccurredOn] = useState(today());
  const [quantity, setQuantity] = useState('');
  const [count, setCount] = useState('1');
  const [basis, setBasis] = useState('');
  const [factor, setFactor] = useState('');
  const [evidence, setEvidence] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const usable = rules.filter((r) => r.active && r.amount.kind !== 'computed');
  const rule = usable.find((r) => r.code === ruleCode);

  const submit = async () => {
    setBusy(true);
    setError(null);
    const common = {
      ruleCode,
      occurredOn,
      evidence,
      ...(rule?.amount.kind === 'range' ? { quantity } : {}),
      ...(rule?.perOccurrence ? { count: Number(count) || 1 } : {}),
    };
    try {
      if (mode === 'person') {
        await ledgerOps.propose(api, { ...common, employeeId: person?.id ?? '', ...(rule?.amount.kind === 'multiple' ? { basis, factor } : {}) });
        notify('app.ledger.proposed', { type: 'success' });
      } else {
        const shares = await ledgerOps.proposeTeam(api, { ...common, members: members.map((m) => ({ employeeId: m.person.id, weight: m.weight || '1' })) });
        notify('app.ledger.proposed_team', { type: 'success', messageArgs: { count: shares.length } });
      }
      onDone();
    } catch (e) {
      setError(translate(errorMessage(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" data-testid="propose-dialog">
      <DialogTitle>{translate('app.ledger.propose')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <ToggleButtonGroup size="small" exclusive value={mode} onChange={(_e, v: 'person' | 'team' | null) => v && setMode(v)}>
            <ToggleButton value="person" data-testid="propose-mode-person">
              {translate('app.ledger.propose_person')}
            </ToggleButton>
            <ToggleButton value="team" data-testid="propose-mode-team">
              {translate('app.ledger.propose_team')}
            </ToggleButton>
          </ToggleButtonGroup>
          {mode === 'person' ? (
            <PersonPicker value={person} onChange={setPerson} label="app.ledger.filter.person" testId="propose-person" />
          ) : (
            <Stack spacing={1}>
              {members.map((m, i) => (
                <Stack key={m.person.id} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                  <TextField size="small" value={`${m.person.name} (${m.person.employeeNumber})`} disabled sx={{ flex: 1 }} />
                  <TextField size="small" label={translate('app.ledger.weight')} value={m.weight} onChange={(e) => setMembers(members.map((x, j) => (j === i ? { ...x, weight: e.target.value } : x)))} sx={{ width: 100 }} />
                  <IconButton aria-label={translate('app.ledger.remove')} onClick={() => setMembers(members.filter((_x, j) => j !== i))}>
                    <DeleteIcon />
                  </IconButton>
                </Stack>
              ))}
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <PersonPicker value={candidate} onChange={setCandidate} label="app.ledger.members" testId="propose-member" />
                <Button
                  disabled={!candidate || members.some((m) => m.person.id === candidate.id)}
                  onClick={() => {
                    if (candidate) setMembers([...members, { person: candidate, weight: '1' }]);
                    setCandidate(null);
                  }}
                >
                  {translate('app.ledger.add_member')}
                </Button>
              </Stack>
            </Stack>
          )}
          <TextField select size="small" label={translate('app.ledger.rule')} value={ruleCode} onChange={(e) => setRuleCode(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'propose-rule' } }}>
            {usable.map((r) => (
              <MenuItem key={r.code} value={r.code}>
                {ruleName(r, locale)} · {translate(`app.ledger.kind.${r.kind}`)} · {rangeText(r)}
              </MenuItem>
            ))}
          </TextField>
          <LocalDateField size="small" label={translate('app.ledger.occurred_on')} value={occurredOn} onChange={setOccurredOn} />
          {rule?.amount.kind === 'range' && (
            <TextField size="small" label={translate('app.ledger.quantity', { range: rangeText(rule) })} value={quantity} onChange={(e) => setQuantity(e.target.value)} inputProps={{ 'data-testid': 'propose-quantity', inputMode: 'decimal' }} />
          )}
          {rule?.amount.kind === 'multiple' && mode === 'person' && (
            <Stack direction="row" spacing={1}>
              <TextField size="small" label={translate('app.ledger.basis')} value={basis} onChange={(e) => setBasis(e.target.value)} />
              <TextField size="small" label={translate('app.ledger.factor')} value={factor} onChange={(e) => setFactor(e.target.value)} />
            </Stack>
          )}
          {rule?.perOccurrence && <TextField size="small" type="number" label={translate('app.ledger.count')} value={count} onChange={(e) => setCount(e.target.value)} inputProps={{ min: 1 }} />}
          <TextField size="small" multiline minRows={2} label={translate('app.ledger.evidence')} value={evidence} onChange={(e) => setEvidence(e.target.value)} inputProps={{ 'data-testid': 'propose-evidence' }} />
          {error && (
            <Alert severity="error" data-testid="propose-error">
              {error}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={busy || !ruleCode || (mode === 'person' ? !person : members.length < 2)} onClick={() => void submit()} data-testid="propose-submit">
          {translate('app.ledger.propose')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
