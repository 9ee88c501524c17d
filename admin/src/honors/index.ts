import { lazyView } from '../common/lazyView';

// The honors pages load when one is first opened.
export const HonorsPage = lazyView(() => import('./HonorsPage'), 'HonorsPage');
export const HonorProgramPage = lazyView(() => import('./HonorProgramPage'), 'HonorProgramPage');
