import FactCheckIcon from '@mui/icons-material/FactCheck';
import { IndicatorCreate } from './IndicatorCreate';
import { IndicatorEdit } from './IndicatorEdit';
import { IndicatorList } from './IndicatorList';
import { IndicatorShow } from './IndicatorShow';

export { IndicatorImport } from './IndicatorImport';

export const indicators = {
  list: IndicatorList,
  create: IndicatorCreate,
  edit: IndicatorEdit,
  show: IndicatorShow,
  icon: FactCheckIcon,
  recordRepresentation: 'code',
};
