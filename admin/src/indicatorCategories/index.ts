import CategoryIcon from '@mui/icons-material/Category';
import { IndicatorCategoryCreate } from './IndicatorCategoryCreate';
import { IndicatorCategoryEdit } from './IndicatorCategoryEdit';
import { IndicatorCategoryList } from './IndicatorCategoryList';

export const indicatorCategories = {
  list: IndicatorCategoryList,
  create: IndicatorCategoryCreate,
  edit: IndicatorCategoryEdit,
  icon: CategoryIcon,
  recordRepresentation: 'name',
};
