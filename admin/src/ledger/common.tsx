import { Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Link as MuiLink, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { formatDate, formatMoney, intlLocale } from '../common/format';
import { useLocale } from '../cycles/useCycleApi';
import type { EntryRow, RuleRow, Unit } from './api';

const STATUS_COLORS: Record<string, 'default' | 'primary' | 'success' | 'warning' | 'error' | 'info'> = {
  PROPOSED: 'warning',
  APPROVED: 'info',
  PAID: 'success',
  REJECTED: 'error',
  WITHDRAWN: 'default',
  DRAFT: 'default',
  SUBMITTED: 'warning',
  CANCELLED: 'error',
};

/** An entry's or a batch's state as a coloured chip in the console language. */
export const LedgerStatus = ({ status, group = 'ledger' }: { status: string; group?: 'ledger' | 'payout' }) => {
  const translate = useTranslate();
  const color = group === 'payout' && status === 'APPROVED' ? 'success' : (STATUS_COLORS[status] ?? 'default');
  return <Chip size="small" color={color} label={translate(`app.${group}.status.${status}`)} data-testid={`${group}-status-${status}`} />;
};

/** `formatQuantity('-2.5', 'en')` -> '-2.50': exact two decimals, grouped, from the decimal string (never a float sum). */
export const formatQuantity = (value: string, locale: string, signed = false): string =>
  new Intl.NumberFormat(intlLocale(locale), { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: signed ? 'exceptZero' : 'auto' }).format(value as Intl.StringNumericLiteral);

/** An amount in its unit: ¥ with cents for money, "35.00 points" / "2.33 h" for the others. */
export const UnitAmount = ({ value, unit, signed = true }: { value: string | null | undefined; unit: Unit; signed?: boolean }) => {
  const translate = useTranslate();
  const locale = useLocale();
  if (value === null || value === undefined) return <>—</>;
  const text = unit === 'money' ? formatMoney(value, locale) : formatQuantity(value, locale, signed);
  return <span style={{ whiteSpace: 'nowrap' }}>{translate(`app.ledger.unit_amount.${unit}`, { amount: text })}</span>;
};

/** Money (yuan) with exact cents, or a dash. */
export const Money = ({ value }: { value: string | null | undefined }) => {
  const locale = useLocale();
  return <span style={{ whiteSpace: 'nowrap' }}>{value === null || value === undefined ? '—' : formatMoney(value, locale)}</span>;
};

/** A payroll component in the console language: the known pay components by name, otherwise the rule's name. */
export const useComponentLabel = () => {
  const translate = useTranslate();
  const locale = useLocale();
  return (component: string, rule?: { name: string; nameZh: string } | null): string => {
    const fallback = rule ? (locale === 'zh' ? rule.nameZh || rule.name : rule.name) : component;
    return translate(`app.ledger.component.${component}`, { _: fallback });
  };
};

/** A rule's name in the console language. */
export const ruleName = (rule: { name: string; nameZh: string } | null | undefined, locale: string): string => (rule ? (locale === 'zh' ? rule.nameZh || rule.name : rule.name) : '');

/** The amount a rule allows, in the console language ("20.00 to 50.00 points"). */
export const useRangeText = () => {
  const translate = useTranslate();
  const locale = useLocale();
  return (rule: Pick<RuleRow, 'amount' | 'unit'>): string => {
    const a = rule.amount;
    const n = (v: string | null) => (v === null ? '' : rule.unit === 'money' ? formatMoney(v, locale) : formatQuantity(v, locale));
    // Points and hours name their unit ("20.00 to 50.00 points"); money carries its ¥.
    const inUnit = (text: string) => translate(`app.ledger.unit_amount.${rule.unit}`, { amount: text });
    if (a.kind === 'fixed') return inUnit(translate('app.ledger.amount_text.fixed', { value: n(a.value) }));
    if (a.kind === 'range') return inUnit(translate(a.minExclusive ? 'app.ledger.amount_text.range_exclusive' : 'app.ledger.amount_text.range', { min: n(a.min), max: n(a.max) }));
    if (a.kind === 'multiple') {
      const doc = (rule as RuleRow).document?.amount;
      return doc && doc.kind === 'multiple' ? translate('app.ledger.amount_text.multiple', { minFactor: doc.minFactor, maxFactor: doc.maxFactor }) : a.text;
    }
    return translate('app.ledger.amount_text.computed');
  };
};

/** A month key the API takes (YYYY-MM) of a date. */
export const monthOf = (date: Date): string => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;

/** The links of an entry: the appraisal result it pays, the entry it reverses, the batch it was paid in. */
export const EntryLinks = ({ entry, appraisalHref }: { entry: EntryRow; appraisalHref?: (cycleId: string) => string }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const links: ReactNode[] = [];
  if (entry.appraisal) {
    const cycle = locale === 'zh' ? entry.appraisal.cycleNameZh || entry.appraisal.cycleName : entry.appraisal.cycleName;
    const label = translate('app.ledger.appraisal', { cycle });
    links.push(
      appraisalHref ? (
        <MuiLink key="appraisal" component={Link} to={appraisalHref(entry.appraisal.cycleId)} data-testid="entry-appraisal">
          {label}
        </MuiLink>
      ) : (
        <span key="appraisal" data-testid="entry-appraisal">
          {label}
        </span>
      ),
    );
  }
  if (entry.reverses)
    links.push(
      <span key="reverses" data-testid="entry-reverses">
        {translate('app.ledger.reverses', {
          date: formatDate(entry.reverses.occurredOn, locale),
          amount: translate(`app.ledger.unit_amount.${entry.reverses.unit}`, { amount: entry.reverses.unit === 'money' ? formatMoney(entry.reverses.amount, locale) : formatQuantity(entry.reverses.amount, locale, true) }),
        })}
      </span>,
    );
  if (entry.reversedBy)
    links.push(<Chip key="reversed" size="small" variant="outlined" label={translate('app.ledger.reversed_by')} data-testid="entry-reversed" />);
  if (entry.source.kind === 'TEAM') links.push(<Chip key="team" size="small" variant="outlined" label={translate('app.ledger.team')} />);
  if (entry.batch) links.push(<span key="batch" data-testid="entry-batch">{translate('app.ledger.batch', { number: entry.batch.number })}</span>);
  return <Stack spacing={0.5}>{links}</Stack>;
};

/** A small dialog that asks for a reason (reject, reverse, return, cancel) and calls `onConfirm` with it. */
export const ReasonDialog = ({ open, title, help, onClose, onConfirm, confirmLabel }: { open: boolean; title: string; help?: string; onClose: () => void; onConfirm: (reason: string) => Promise<void>; confirmLabel: string }) => {
  const translate = useTranslate();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) setReason('');
  }, [open]);
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate(title)}</DialogTitle>
      <DialogContent>
        {help && (
          <Typography variant="body2" color="text.secondary" gutterBottom>
            {translate(help)}
          </Typography>
        )}
        <TextField autoFocus fullWidth multiline minRows={2} label={translate('app.ledger.reason')} value={reason} onChange={(e) => setReason(e.target.value)} inputProps={{ 'data-testid': 'reason-input' }} sx={{ mt: 1 }} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button
          variant="contained"
          disabled={busy}
          data-testid="reason-confirm"
          onClick={() => {
            setBusy(true);
            onConfirm(reason).finally(() => setBusy(false));
          }}
        >
          {translate(confirmLabel)}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/** Previous / next over a long list, with "1–25 of 120". */
export const Pager = ({ offset, pageSize, total, onChange }: { offset: number; pageSize: number; total: number; onChange: (offset: number) => void }) => {
  const translate = useTranslate();
  const locale = useLocale();
  if (total <= pageSize && offset === 0) return null;
  const n = (v: number) => new Intl.NumberFormat(intlLocale(locale)).format(v);
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'flex-end' }} data-testid="pager">
      <Typography variant="body2">{translate('app.ledger.page', { from: n(Math.min(offset + 1, total)), to: n(Math.min(offset + pageSize, total)), total: n(total) })}</Typography>
      <Button size="small" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - pageSize))}>
        {translate('app.ledger.previous')}
      </Button>
      <Button size="small" disabled={offset + pageSize >= total} onClick={() => onChange(offset + pageSize)} data-testid="pager-next">
        {translate('app.ledger.next')}
      </Button>
    </Stack>
  );
};
