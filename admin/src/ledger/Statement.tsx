import { Alert, Card, CardContent, LinearProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { LoadErrorState } from '../common/LoadError';
import { useLoad } from '../cycles/useCycleApi';
import { ledgerOps } from './api';
import { Money, monthOf, UnitAmount } from './common';
import { EntryTable } from './EntryTable';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The months of a statement: January of this year up to this month, as people usually ask. */
export const useMonths = () => {
  const now = new Date();
  const [from, setFrom] = useState(`${now.getFullYear()}-01`);
  const [to, setTo] = useState(monthOf(now));
  return { from, to, setFrom, setTo, valid: MONTH.test(from) && MONTH.test(to) && from <= to };
};

export const MonthFields = ({ months }: { months: ReturnType<typeof useMonths> }) => {
  const translate = useTranslate();
  return (
    <>
      <TextField size="small" label={translate('app.ledger.filter.from')} helperText={translate('app.ledger.filter.month_help')} value={months.from} onChange={(e) => months.setFrom(e.target.value)} inputProps={{ 'data-testid': 'month-from' }} sx={{ width: 140 }} />
      <TextField size="small" label={translate('app.ledger.filter.to')} helperText={translate('app.ledger.filter.month_help')} value={months.to} onChange={(e) => months.setTo(e.target.value)} inputProps={{ 'data-testid': 'month-to' }} sx={{ width: 140 }} />
    </>
  );
};

/**
 * A person's statement over accounting months: opening, movement and closing per unit and in money (computed by the
 * database), the counted entries of the period with their reasons and links, and what is still pending approval.
 */
export const StatementView = ({ employeeId, from, to, appraisalHref }: { employeeId: string; from: string; to: string; appraisalHref?: (cycleId: string) => string }) => {
  const translate = useTranslate();
  const statement = useLoad((api) => ledgerOps.statement(api, employeeId, from, to), [employeeId, from, to]);
  if (statement.error) return <LoadErrorState error={statement.error} onRetry={statement.reload} />;
  const s = statement.data;
  return (
    <Stack spacing={2} data-testid="ledger-statement">
      {statement.loading && <LinearProgress />}
      {s && (
        <>
          <Table size="small" sx={{ maxWidth: 720 }} data-testid="statement-totals">
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.ledger.col.unit')}</TableCell>
                <TableCell align="right">{translate('app.ledger.col.opening')}</TableCell>
                <TableCell align="right">{translate('app.ledger.col.movement')}</TableCell>
                <TableCell align="right">{translate('app.ledger.col.closing')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {s.totals.map((t) => (
                <TableRow key={t.unit} data-testid={`statement-${t.unit}`}>
                  <TableCell>{translate(`app.ledger.unit.${t.unit}`)}</TableCell>
                  <TableCell align="right">
                    <UnitAmount value={t.opening} unit={t.unit} />
                  </TableCell>
                  <TableCell align="right">
                    <UnitAmount value={t.movement} unit={t.unit} />
                  </TableCell>
                  <TableCell align="right">
                    <UnitAmount value={t.closing} unit={t.unit} />
                  </TableCell>
                </TableRow>
              ))}
              <TableRow data-testid="statement-money-total">
                <TableCell>
                  <strong>{translate('app.ledger.money_total')}</strong>
                </TableCell>
                <TableCell align="right">
                  <Money value={s.money.opening} />
                </TableCell>
                <TableCell align="right">
                  <Money value={s.money.movement} />
                </TableCell>
                <TableCell align="right">
                  <strong>
                    <Money value={s.money.closing} />
                  </strong>
                </TableCell>
              </TableRow>
            </TableBody>
          </Table>
          <Typography variant="subtitle1">{translate('app.ledger.counted')}</Typography>
          {s.entries.length === 0 ? <Alert severity="info">{translate('app.ledger.none')}</Alert> : <EntryTable entries={s.entries} showPerson={false} appraisalHref={appraisalHref} testId="statement-entries" />}
          {s.pending.length > 0 && (
            <>
              <Typography variant="subtitle1">{translate('app.ledger.pending')}</Typography>
              <EntryTable entries={s.pending} showPerson={false} testId="statement-pending" />
            </>
          )}
        </>
      )}
    </Stack>
  );
};

/** A card around a statement with its month fields. */
export const StatementCard = ({ employeeId, title, appraisalHref }: { employeeId: string; title: string; appraisalHref?: (cycleId: string) => string }) => {
  const months = useMonths();
  return (
    <Card>
      <CardContent>
        <Stack spacing={2}>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
            <Typography variant="h6" sx={{ flex: 1 }}>
              {title}
            </Typography>
            <MonthFields months={months} />
          </Stack>
          {months.valid && <StatementView employeeId={employeeId} from={months.from} to={months.to} appraisalHref={appraisalHref} />}
        </Stack>
      </CardContent>
    </Card>
  );
};
