import PeopleIcon from '@mui/icons-material/People';
import { EmployeeCreate } from './EmployeeCreate';
import { EmployeeEdit } from './EmployeeEdit';
import { EmployeeList } from './EmployeeList';
import { EmployeeShow } from './EmployeeShow';

export const employees = {
  list: EmployeeList,
  create: EmployeeCreate,
  edit: EmployeeEdit,
  show: EmployeeShow,
  icon: PeopleIcon,
  recordRepresentation: 'name',
};
