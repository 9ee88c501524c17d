import { lazyView } from '../common/lazyView';

export const ImportPage = lazyView(() => import('./ImportPage'), 'ImportPage');
