import CategoryIcon from '@mui/icons-material/Category';
import { lazyView } from '../common/lazyView';

export const indicatorCategories = {
  list: lazyView(() => import('./IndicatorCategoryList'), 'IndicatorCategoryList'),
  create: lazyView(() => import('./IndicatorCategoryCreate'), 'IndicatorCategoryCreate'),
  edit: lazyView(() => import('./IndicatorCategoryEdit'), 'IndicatorCategoryEdit'),
  icon: CategoryIcon,
  recordRepresentation: 'name',
};
