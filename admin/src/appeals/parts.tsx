import { Box, Chip, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatNumber } from '../common/format';
import { useLocale } from '../cycles/useCycleApi';
import type { AppealAttachment, AppealFlags, AppealOutcome, AppealState } from './api';
import { isOpen } from './api';

const STATE_COLORS: Record<AppealState, 'default' | 'info' | 'primary' | 'success' | 'warning'> = {
  FILED: 'info',
  UNDER_REVIEW: 'primary',
  DECIDED: 'success',
  CLOSED: 'default',
  WITHDRAWN: 'default',
};

/** An appeal's workflow state, named in the console language. */
export const AppealStateChip = ({ state }: { state: AppealState }) => {
  const translate = useTranslate();
  return <Chip size="small" color={STATE_COLORS[state]} label={translate(`app.appeals.state.${state}`)} data-testid={`appeal-state-${state}`} />;
};

export const OutcomeChip = ({ outcome }: { outcome: AppealOutcome | null }) => {
  const translate = useTranslate();
  if (!outcome) return null;
  return <Chip size="small" variant="outlined" color={outcome === 'UPHELD' ? 'success' : 'warning'} label={translate(`app.appeals.outcome.${outcome}`)} data-testid={`appeal-outcome-${outcome}`} />;
};

/** Where an open appeal stands against its due day: overdue, due soon, or the working days left. */
export const DueFlags = ({ state, flags }: { state: AppealState; flags: AppealFlags }) => {
  const translate = useTranslate();
  if (!isOpen(state)) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      {flags.overdue && <Chip size="small" color="error" label={translate('app.appeals.overdue')} data-testid="appeal-overdue" />}
      {flags.nearDue && <Chip size="small" color="warning" label={translate('app.appeals.near_due')} data-testid="appeal-near-due" />}
      <span data-testid="appeal-days-left">
        {flags.workingDaysLeft >= 0
          ? translate('app.appeals.days_left', { smart_count: flags.workingDaysLeft })
          : translate('app.appeals.days_late', { smart_count: -flags.workingDaysLeft })}
      </span>
    </Stack>
  );
};

/** The files of an appeal by name and size (the console keeps only their metadata; the files stay with the employee). */
export const AttachmentList = ({ files, testId }: { files: AppealAttachment[]; testId: string }) => {
  const translate = useTranslate();
  const locale = useLocale();
  return (
    <Box component="ul" sx={{ mt: 0.5 }} data-testid={testId}>
      {files.map((f, i) => (
        <li key={`${f.sha256}-${i}`}>
          <Typography variant="body2">
            {f.name} · {translate('app.appeals.size_kb', { n: formatNumber(Math.max(1, Math.round(f.size / 1024)), locale) })}
          </Typography>
        </li>
      ))}
    </Box>
  );
};
