import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { lazyView } from '../common/lazyView';
import type { Named } from '../common/localizedName';

export const departments = {
  list: lazyView(() => import('./DepartmentList'), 'DepartmentList'),
  create: lazyView(() => import('./DepartmentCreate'), 'DepartmentCreate'),
  edit: lazyView(() => import('./DepartmentEdit'), 'DepartmentEdit'),
  show: lazyView(() => import('./DepartmentShow'), 'DepartmentShow'),
  icon: AccountTreeIcon,
  recordRepresentation: (record: Named & { code?: string }) => record.name ?? record.code ?? '',
};
