import BadgeIcon from '@mui/icons-material/Badge';
import { lazyView } from '../common/lazyView';
import type { Named } from '../common/localizedName';

export const positions = {
  list: lazyView(() => import('./PositionList'), 'PositionList'),
  create: lazyView(() => import('./PositionCreate'), 'PositionCreate'),
  edit: lazyView(() => import('./PositionEdit'), 'PositionEdit'),
  show: lazyView(() => import('./PositionShow'), 'PositionShow'),
  icon: BadgeIcon,
  recordRepresentation: (record: Named & { code?: string }) => record.name ?? record.code ?? '',
};
