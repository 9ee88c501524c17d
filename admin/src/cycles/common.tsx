import { Chip, TableCell, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatDate } from '../common/format';
import { KeyTable } from '../common/KeyTable';
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

/** A phase's name and window (opens, closes): the first cells of the phase rows of the cycle and dashboard pages. */
export const PhaseWindowCells = ({ phase }: { phase: { phase: string; opens: string; closes: string } }) => {
  const translate = useTranslate();
  return (
    <>
      <TableCell>{translate(`app.cycles.phase.${phase.phase}`)}</TableCell>
      <TableCell>
        <Day value={phase.opens} />
      </TableCell>
      <TableCell>
        <Day value={phase.closes} />
      </TableCell>
    </>
  );
};

/** The phase windows of a cycle: opens, closes, and whether the close moved past days off or HR set it. */
export const PhaseTable = ({ phases }: { phases: CyclePhase[] }) => {
  const translate = useTranslate();
  const locale = useLocale();
  return (
    <KeyTable headers={['app.cycles.phase_name', 'app.cycles.opens', 'app.cycles.closes', 'app.cycles.note']} testId="phase-table">
      {phases.map((p) => (
        <TableRow key={p.phase} data-testid={`phase-${p.phase}`}>
          <PhaseWindowCells phase={p} />
          <TableCell>
            {p.postponed && <Chip size="small" variant="outlined" color="warning" label={translate('app.cycles.postponed', { date: formatDate(p.nominalCloses, locale) })} sx={{ mr: 1 }} />}
            {p.overridden && <Chip size="small" variant="outlined" label={translate('app.cycles.overridden')} />}
          </TableCell>
        </TableRow>
      ))}
    </KeyTable>
  );
};

/** The message of a failed call (already in the console language), for a notification. */
export const errorMessage = (error: unknown): string => (error instanceof Error && error.message ? error.message : 'ra.notification.http_error');
