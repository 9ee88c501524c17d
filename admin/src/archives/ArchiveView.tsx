import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatMoney, formatNumber } from '../common/format';
import { Day } from '../cycles/common';
import { localText, useLocale } from '../cycles/useCycleApi';
import type { ArchiveEvent } from './api';

const KIND_COLORS: Record<string, 'default' | 'primary' | 'secondary' | 'success' | 'warning' | 'info'> = {
  APPRAISAL: 'primary',
  APPEAL: 'warning',
  LEDGER_ENTRY: 'secondary',
  HONOR: 'success',
  PROBATION: 'info',
};

/** An outcome as the archive stores it ("closed:upheld", "acknowledged", "paid") in the console language. */
const Outcome = ({ value }: { value: string | null }) => {
  const translate = useTranslate();
  if (!value) return null;
  return <>{value.split(':').map((part) => translate(`app.archive.outcome.${part}`, { _: part })).join(' · ')}</>;
};

/** The inputs a result was computed from: each rater role's items per section, and the adjustments. */
const Inputs = ({ inputs }: { inputs: ArchiveEvent['inputs'] }) => {
  const translate = useTranslate();
  if (!inputs?.ratings?.length) return null;
  const value = (v: Record<string, unknown>): string =>
    Object.entries(v)
      .map(([k, x]) => (k === 'points' || k === 'level' ? String(x) : `${k} ${typeof x === 'object' ? JSON.stringify(x) : String(x)}`))
      .join(', ');
  return (
    <Box component="ul" sx={{ m: 0, pl: 2 }} data-testid="archive-inputs">
      {inputs.ratings.map((r, i) => (
        <li key={i}>
          <Typography variant="caption">
            <code>{r.section}</code> · {translate(`app.scheme.role.${r.role}`, { _: r.role })}:{' '}
            {Object.entries(r.items).map(([item, v], k) => (
              <span key={item}>
                {k > 0 ? '; ' : ''}
                <code>{item}</code> {value(v)}
              </span>
            ))}
          </Typography>
        </li>
      ))}
      {(inputs.adjustments ?? []).map((a, i) => (
        <li key={`adj-${i}`}>
          <Typography variant="caption">
            {translate('app.archive.adjustment')}: <code>{a.rule}</code> {a.amount !== undefined ? String(a.amount) : ''}
          </Typography>
        </li>
      ))}
    </Box>
  );
};

/** Every event of a person's archive in time order, with the result's scheme version, inputs and explanation. */
export const ArchiveTable = ({ events, details }: { events: ArchiveEvent[]; details: boolean }) => {
  const translate = useTranslate();
  const locale = useLocale();
  return (
    <Table size="small" data-testid="archive-events" className="archive-table">
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.archive.date')}</TableCell>
          <TableCell>{translate('app.archive.kind_label')}</TableCell>
          <TableCell>{translate('app.archive.what')}</TableCell>
          <TableCell>{translate('app.archive.result')}</TableCell>
          <TableCell>{translate('app.archive.outcome_label')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {events.map((e) => (
          <TableRow key={`${e.kind}-${e.id}-${e.resultNumber ?? ''}`} data-testid={`archive-${e.kind}`} sx={{ verticalAlign: 'top' }}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>
              <Day value={e.date} />
            </TableCell>
            <TableCell>
              <Chip size="small" color={KIND_COLORS[e.kind] ?? 'default'} label={translate(`app.archive.kind.${e.kind}`)} />
            </TableCell>
            <TableCell>
              {e.kind === 'LEDGER_ENTRY' ? <code>{localText(e.title, locale)}</code> : localText(e.title, locale)}
              {e.periodKey && (
                <Typography component="span" color="text.secondary" sx={{ ml: 1 }}>
                  {e.periodKey}
                </Typography>
              )}
              {e.schemeVersion !== null && e.kind === 'APPRAISAL' && (
                <Typography variant="caption" display="block" color="text.secondary">
                  {translate('app.archive.scheme_version', { n: e.schemeVersion })}
                  {e.resultNumber !== null ? ` · ${translate('app.archive.result_version', { n: e.resultNumber })}` : ''}
                </Typography>
              )}
              {details && e.kind === 'APPRAISAL' && <Inputs inputs={e.inputs} />}
              {details && e.explanation.length > 0 && (
                <Box component="ul" sx={{ m: 0, pl: 2 }} data-testid="archive-explanation">
                  {e.explanation.map((line, i) => (
                    <li key={i}>
                      <Typography variant="caption">{line}</Typography>
                    </li>
                  ))}
                </Box>
              )}
            </TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>
              {e.total !== null && <div>{translate('app.archive.total', { n: formatNumber(e.total, locale) })}</div>}
              {e.grade && <div>{translate('app.archive.grade', { g: e.grade })}</div>}
              {e.amount !== null && e.unit !== 'money' && <div>{translate(`app.archive.unit.${e.unit ?? 'points'}`, { n: formatNumber(e.amount, locale) })}</div>}
              {e.money !== null && <div>{formatMoney(e.money, locale)}</div>}
            </TableCell>
            <TableCell>
              <Outcome value={e.outcome} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
