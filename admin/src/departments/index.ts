import AccountTreeIcon from '@mui/icons-material/AccountTree';
import type { Named } from '../common/localizedName';
import { DepartmentCreate } from './DepartmentCreate';
import { DepartmentEdit } from './DepartmentEdit';
import { DepartmentList } from './DepartmentList';
import { DepartmentShow } from './DepartmentShow';

export const departments = {
  list: DepartmentList,
  create: DepartmentCreate,
  edit: DepartmentEdit,
  show: DepartmentShow,
  icon: AccountTreeIcon,
  recordRepresentation: (record: Named & { code?: string }) => record.name ?? record.code ?? '',
};
