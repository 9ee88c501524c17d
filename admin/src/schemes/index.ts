import AssignmentIcon from '@mui/icons-material/Assignment';
import { SchemeCreate } from './SchemeCreate';
import { SchemeEdit } from './SchemeEdit';
import { SchemeList } from './SchemeList';
import { SchemeShow } from './SchemeShow';

export { SchemeCompare } from './SchemeCompare';
export { SchemeFromTemplate } from './SchemeFromTemplate';

export const schemes = {
  list: SchemeList,
  create: SchemeCreate,
  edit: SchemeEdit,
  show: SchemeShow,
  icon: AssignmentIcon,
  recordRepresentation: 'code',
};
