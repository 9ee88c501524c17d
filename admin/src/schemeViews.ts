import AssignmentIcon from '@mui/icons-material/Assignment';
import { lazyView } from './common/lazyView';

// The scheme pages (the builder above all) load when one is first opened, each on its own.
export const SchemeCompare = lazyView(() => import('./schemes/SchemeCompare'), 'SchemeCompare');
export const SchemeFromTemplate = lazyView(() => import('./schemes/SchemeFromTemplate'), 'SchemeFromTemplate');

export const schemes = {
  list: lazyView(() => import('./schemes/SchemeList'), 'SchemeList'),
  create: lazyView(() => import('./schemes/SchemeCreate'), 'SchemeCreate'),
  edit: lazyView(() => import('./schemes/SchemeEdit'), 'SchemeEdit'),
  show: lazyView(() => import('./schemes/SchemeShow'), 'SchemeShow'),
  icon: AssignmentIcon,
  recordRepresentation: 'code',
};
