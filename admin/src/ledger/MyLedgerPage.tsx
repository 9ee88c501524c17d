import { Box, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { readSession } from '../auth/session';
import { StatementCard } from './Statement';

/** The signed-in person's own ledger: their statement over the chosen months, every entry with its reason and links. */
export const MyLedgerPage = () => {
  const translate = useTranslate();
  const session = readSession();
  const employeeId = session?.user.employeeId;
  return (
    <Box sx={{ p: 2 }}>
      <Title title={translate('app.menu.my_ledger')} />
      <Typography variant="h5" gutterBottom>
        {translate('app.menu.my_ledger')}
      </Typography>
      <Typography variant="body2" color="text.secondary" gutterBottom>
        {translate('app.entry.my_ledger')}
      </Typography>
      {employeeId && <StatementCard employeeId={employeeId} title={translate('app.ledger.tab.statement')} appraisalHref={() => '/my-appraisals'} />}
    </Box>
  );
};
