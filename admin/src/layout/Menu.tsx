import AccountTreeIcon from '@mui/icons-material/AccountTree';
import BadgeIcon from '@mui/icons-material/Badge';
import PeopleIcon from '@mui/icons-material/People';
import PersonIcon from '@mui/icons-material/Person';
import AssignmentIcon from '@mui/icons-material/Assignment';
import CategoryIcon from '@mui/icons-material/Category';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Menu as RaMenu } from 'react-admin';
import { canListEmployees, canReadOrg, canReadSchemes, isOrgManager } from '../auth/roles';
import { readSession } from '../auth/session';
import { useRoles } from '../auth/useRoles';

/** Each role sees only what it may use; the API enforces the same rules. */
export const Menu = () => {
  const { roles } = useRoles();
  const manager = isOrgManager(roles);
  const reader = canReadOrg(roles);
  const employeeId = readSession()?.user.employeeId;
  return (
    <RaMenu>
      <RaMenu.DashboardItem primaryText="app.menu.dashboard" />
      {reader && <RaMenu.Item to="/departments" primaryText="app.menu.departments" leftIcon={<AccountTreeIcon />} />}
      {reader && <RaMenu.Item to="/positions" primaryText="app.menu.positions" leftIcon={<BadgeIcon />} />}
      {canListEmployees(roles) && (
        <RaMenu.Item
          to="/employees"
          primaryText={reader || !roles.includes('SUPERVISOR') ? 'app.menu.employees' : 'app.menu.my_team'}
          leftIcon={<PeopleIcon />}
        />
      )}
      {manager && <RaMenu.Item to="/import" primaryText="app.menu.import" leftIcon={<UploadFileIcon />} />}
      {manager && <RaMenu.Item to="/indicators" primaryText="app.menu.indicators" leftIcon={<FactCheckIcon />} />}
      {manager && <RaMenu.Item to="/indicatorCategories" primaryText="app.menu.indicator_categories" leftIcon={<CategoryIcon />} />}
      {canReadSchemes(roles) && <RaMenu.Item to="/schemes" primaryText="app.menu.schemes" leftIcon={<AssignmentIcon />} />}
      {employeeId && (
        <RaMenu.Item to={`/employees/${employeeId}/show`} primaryText="app.menu.my_profile" leftIcon={<PersonIcon />} />
      )}
    </RaMenu>
  );
};
