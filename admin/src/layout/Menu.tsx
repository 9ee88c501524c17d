import AccountBalanceWalletIcon from '@mui/icons-material/AccountBalanceWallet';
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import PaymentsIcon from '@mui/icons-material/Payments';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import AssignmentIcon from '@mui/icons-material/Assignment';
import BadgeIcon from '@mui/icons-material/Badge';
import CategoryIcon from '@mui/icons-material/Category';
import InsightsIcon from '@mui/icons-material/Insights';
import EmojiEventsIcon from '@mui/icons-material/EmojiEvents';
import EventIcon from '@mui/icons-material/Event';
import GradingIcon from '@mui/icons-material/Grading';
import GroupsIcon from '@mui/icons-material/Groups';
import HourglassBottomIcon from '@mui/icons-material/HourglassBottom';
import LoopIcon from '@mui/icons-material/Loop';
import RateReviewIcon from '@mui/icons-material/RateReview';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import CampaignIcon from '@mui/icons-material/Campaign';
import BalanceIcon from '@mui/icons-material/Balance';
import RecordVoiceOverIcon from '@mui/icons-material/RecordVoiceOver';
import GavelIcon from '@mui/icons-material/Gavel';
import InboxIcon from '@mui/icons-material/Inbox';
import PeopleIcon from '@mui/icons-material/People';
import PersonIcon from '@mui/icons-material/Person';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import type { ReactElement } from 'react';
import { Menu as RaMenu, useTranslate } from 'react-admin';
import { type ConsoleEntry, entriesFor } from '../auth/capabilities';
import { readSession } from '../auth/session';
import { useRoles } from '../auth/useRoles';

export const ENTRY_ICONS: Record<ConsoleEntry['key'], ReactElement> = {
  departments: <AccountTreeIcon />,
  positions: <BadgeIcon />,
  employees: <PeopleIcon />,
  my_team: <PeopleIcon />,
  import: <UploadFileIcon />,
  indicators: <FactCheckIcon />,
  indicatorCategories: <CategoryIcon />,
  schemes: <AssignmentIcon />,
  calendar: <EventIcon />,
  cycles: <LoopIcon />,
  probation: <HourglassBottomIcon />,
  to_rate: <RateReviewIcon />,
  honors: <EmojiEventsIcon />,
  ledger: <ReceiptLongIcon />,
  payout_batches: <PaymentsIcon />,
  my_ledger: <AccountBalanceWalletIcon />,
  analytics: <InsightsIcon />,
  team_results: <GroupsIcon />,
  my_appraisals: <GradingIcon />,
  inbox: <InboxIcon />,
  policies: <GavelIcon />,
  notices: <CampaignIcon />,
  appeals: <BalanceIcon />,
  statements: <RecordVoiceOverIcon />,
  my_profile: <PersonIcon />,
};

/** Each role sees only what it may use (auth/capabilities.ts); the API enforces the same rules. */
export const Menu = () => {
  const { roles } = useRoles();
  const translate = useTranslate();
  return (
    <RaMenu>
      <RaMenu.DashboardItem primaryText="app.menu.dashboard" data-testid="menu-dashboard" />
      {entriesFor(roles, readSession()?.user.employeeId).map((entry) => (
        <RaMenu.Item
          key={entry.key}
          to={entry.to}
          primaryText={translate(entry.label, { smart_count: 2 })}
          leftIcon={ENTRY_ICONS[entry.key]}
          data-testid={`menu-${entry.key}`}
        />
      ))}
    </RaMenu>
  );
};
