import { Chip, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatDate } from '../common/format';
import type { CyclePhase } from '../dataProvider/cycleApi';
import { useLocale } from './useCycleApi';

const STATE_COLORS: Record<string, 'default' | 'primary' | 'secondary' | 'success' | 'warning' | 'info' | 'error'> = {
  DRAFT: 'default',
  OPEN: 'info',
  SELF_REVIEW: 'info',
  RATING: 'primary',
  CALIBRATION: 'secondary',
  HR_REVIEW: 'secondary',
  PUBLISHED: 'success',
  CLOSED: 'default',
  CANCELLED: 'error',
  PENDING: 'default',
  SUBMITTED: 'success',
  RETURNED: 'warning',
  REASSIGNED: 'default',
  INCLUDED: 'success',
  EXCLUDED: 'default',
};

/** A workflow state as a coloured chip, named in the console language (`group` picks cycle, rating or appraisal names). */
export const StateChip = ({ state, group }: { state: string; group: 'cycle' | 'rating' | 'appraisal' | 'population' }) => {
  const translate = useTranslate();
  return <Chip size="small" color={STATE_COLORS[state] ?? 'default'} label={translate(`app.cycles.${group}_state.${state}`)} data-testid={`state-${state}`} />;
};

/** A calendar day in the console language. */
export const Day = ({ value }: { value: string | null | undefined }) => {
  const locale = useLocale();
  return <>{value ? formatDate(value, locale) : '—'}</>;
};

/** The phase windows of a cycle: opens, closes, and whether the close moved past days off or HR set it. */
export const PhaseTable = ({ phases }: { phases: CyclePhase[] }) => {
  const translate = useTranslate();
  const locale = useLocale();
  return (
    <Table size="small" data-testid="phase-table">
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.cycles.phase_name')}</TableCell>
          <TableCell>{translate('app.cycles.opens')}</TableCell>
          <TableCell>{translate('app.cycles.closes')}</TableCell>
          <TableCell>{translate('app.cycles.note')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {phases.map((p) => (
          <TableRow key={p.phase} data-testid={`phase-${p.phase}`}>
            <TableCell>{translate(`app.cycles.phase.${p.phase}`)}</TableCell>
            <TableCell>
              <Day value={p.opens} />
            </TableCell>
            <TableCell>
              <Day value={p.closes} />
            </TableCell>
            <TableCell>
              {p.postponed && <Chip size="small" variant="outlined" color="warning" label={translate('app.cycles.postponed', { date: formatDate(p.nominalCloses, locale) })} sx={{ mr: 1 }} />}
              {p.overridden && <Chip size="small" variant="outlined" label={translate('app.cycles.overridden')} />}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** The message of a failed call (already in the console language), for a notification. */
export const errorMessage = (error: unknown): string => (error instanceof Error && error.message ? error.message : 'ra.notification.http_error');
