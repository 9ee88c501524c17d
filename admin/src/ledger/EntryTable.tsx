import { Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Day } from '../cycles/common';
import { useLocale } from '../cycles/useCycleApi';
import type { EntryRow } from './api';
import { EntryLinks, LedgerStatus, Money, ruleName, UnitAmount, useComponentLabel } from './common';

export interface EntryActions {
  onApprove?: (e: EntryRow) => void;
  onReject?: (e: EntryRow) => void;
  onReverse?: (e: EntryRow) => void;
}

/**
 * Ledger entries as a table: when and who, the rule (or the pay component), the amount in its unit and its money,
 * the state, and the links (the result it pays, the entry it reverses, the batch it was paid in). HR's buttons
 * approve or reject a proposal and reverse an approved entry: entries are never edited.
 */
export const EntryTable = ({ entries, showPerson = true, actions = {}, appraisalHref, testId = 'ledger-entries' }: { entries: EntryRow[]; showPerson?: boolean; actions?: EntryActions; appraisalHref?: (cycleId: string) => string; testId?: string }) => {
  const translate = useTranslate();
  const locale = useLocale();
  const componentLabel = useComponentLabel();
  const withActions = Boolean(actions.onApprove || actions.onReverse);
  return (
    <Table size="small" data-testid={testId}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.ledger.col.date')}</TableCell>
          {showPerson && <TableCell>{translate('app.ledger.col.person')}</TableCell>}
          <TableCell>{translate('app.ledger.col.rule')}</TableCell>
          <TableCell align="right">{translate('app.ledger.col.amount')}</TableCell>
          <TableCell align="right">{translate('app.ledger.col.money')}</TableCell>
          <TableCell>{translate('app.ledger.col.status')}</TableCell>
          <TableCell>{translate('app.ledger.col.evidence')}</TableCell>
          <TableCell>{translate('app.ledger.col.links')}</TableCell>
          {withActions && <TableCell>{translate('app.ledger.col.actions')}</TableCell>}
        </TableRow>
      </TableHead>
      <TableBody>
        {entries.map((e) => {
          const reversible = (e.status === 'APPROVED' || e.status === 'PAID') && !e.reversedBy && e.source.kind !== 'REVERSAL';
          const why = locale === 'zh' ? e.explanationZh || e.explanation : e.explanation;
          return (
            <TableRow key={e.id} data-testid={`entry-${e.id}`}>
              <TableCell>
                <Day value={e.occurredOn} />
                <Typography variant="caption" display="block" color="text.secondary">
                  {e.periodKey}
                </Typography>
              </TableCell>
              {showPerson && (
                <TableCell>
                  {e.employee ? `${e.employee.name} (${e.employee.employeeNumber})` : '—'}
                  {e.department && (
                    <Typography variant="caption" display="block" color="text.secondary">
                      {locale === 'zh' ? e.department.nameZh || e.department.name : e.department.name}
                    </Typography>
                  )}
                </TableCell>
              )}
              <TableCell>
                <Tooltip title={why ?? ''}>
                  <span>{e.rule ? ruleName(e.rule, locale) : componentLabel(e.component)}</span>
                </Tooltip>
                <Typography variant="caption" display="block" color="text.secondary">
                  {translate(`app.ledger.source.${e.source.kind}`)}
                </Typography>
              </TableCell>
              <TableCell align="right" data-testid="entry-amount">
                <UnitAmount value={e.amount} unit={e.unit} />
              </TableCell>
              <TableCell align="right">
                <Money value={e.money} />
              </TableCell>
              <TableCell>
                <LedgerStatus status={e.status} />
                {e.rejectionReason && (
                  <Typography variant="caption" display="block" color="error">
                    {e.rejectionReason}
                  </Typography>
                )}
              </TableCell>
              <TableCell sx={{ maxWidth: 260 }}>
                <Typography variant="body2">{e.source.kind === 'REVERSAL' ? why : e.evidence}</Typography>
                {e.proposedBy && (
                  <Typography variant="caption" color="text.secondary">
                    {translate('app.ledger.col.proposed_by')}: {e.proposedBy}
                  </Typography>
                )}
              </TableCell>
              <TableCell>
                <EntryLinks entry={e} appraisalHref={appraisalHref} />
              </TableCell>
              {withActions && (
                <TableCell>
                  <Stack direction="row" spacing={1}>
                    {e.status === 'PROPOSED' && actions.onApprove && (
                      <Button size="small" variant="contained" onClick={() => actions.onApprove?.(e)} data-testid="entry-approve">
                        {translate('app.ledger.approve')}
                      </Button>
                    )}
                    {e.status === 'PROPOSED' && actions.onReject && (
                      <Button size="small" color="error" onClick={() => actions.onReject?.(e)} data-testid="entry-reject">
                        {translate('app.ledger.reject')}
                      </Button>
                    )}
                    {reversible && actions.onReverse && (
                      <Button size="small" onClick={() => actions.onReverse?.(e)} data-testid="entry-reverse">
                        {translate('app.ledger.reverse')}
                      </Button>
                    )}
                  </Stack>
                </TableCell>
              )}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
};
