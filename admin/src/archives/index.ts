import { lazyView } from '../common/lazyView';

// The archive loads when its tab or printable page is first opened.
export const ArchiveTab = lazyView(() => import('./ArchiveTab'), 'ArchiveTab');
export const ArchivePrintPage = lazyView(() => import('./ArchivePrintPage'), 'ArchivePrintPage');
