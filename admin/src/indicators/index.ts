import FactCheckIcon from '@mui/icons-material/FactCheck';
import { lazyView } from '../common/lazyView';

export const IndicatorImport = lazyView(() => import('./IndicatorImport'), 'IndicatorImport');

export const indicators = {
  list: lazyView(() => import('./IndicatorList'), 'IndicatorList'),
  create: lazyView(() => import('./IndicatorCreate'), 'IndicatorCreate'),
  edit: lazyView(() => import('./IndicatorEdit'), 'IndicatorEdit'),
  show: lazyView(() => import('./IndicatorShow'), 'IndicatorShow'),
  icon: FactCheckIcon,
  recordRepresentation: 'code',
};
