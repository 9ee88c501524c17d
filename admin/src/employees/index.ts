import PeopleIcon from '@mui/icons-material/People';
import { lazyView } from '../common/lazyView';

export const employees = {
  list: lazyView(() => import('./EmployeeList'), 'EmployeeList'),
  create: lazyView(() => import('./EmployeeCreate'), 'EmployeeCreate'),
  edit: lazyView(() => import('./EmployeeEdit'), 'EmployeeEdit'),
  show: lazyView(() => import('./EmployeeShow'), 'EmployeeShow'),
  icon: PeopleIcon,
  recordRepresentation: 'name',
};
