import { lazyView } from '../common/lazyView';

// The appeal pages load when first opened.
export const AppealsPage = lazyView(() => import('./AppealsPage'), 'AppealsPage');
export const AppealPage = lazyView(() => import('./AppealPage'), 'AppealPage');
export const StatementsPage = lazyView(() => import('./StatementsPage'), 'StatementsPage');
export const AppraisalAppeal = lazyView(() => import('./AppraisalAppeal'), 'AppraisalAppeal');
