import BadgeIcon from '@mui/icons-material/Badge';
import type { Named } from '../common/localizedName';
import { PositionCreate } from './PositionCreate';
import { PositionEdit } from './PositionEdit';
import { PositionList } from './PositionList';
import { PositionShow } from './PositionShow';

export const positions = {
  list: PositionList,
  create: PositionCreate,
  edit: PositionEdit,
  show: PositionShow,
  icon: BadgeIcon,
  recordRepresentation: (record: Named & { code?: string }) => record.name ?? record.code ?? '',
};
