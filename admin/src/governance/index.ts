import { lazyView } from '../common/lazyView';

// The governance pages load when first opened (they bring the Markdown renderer with them).
export const InboxPage = lazyView(() => import('./InboxPage'), 'InboxPage');
export const PoliciesPage = lazyView(() => import('./PoliciesPage'), 'PoliciesPage');
export const PolicyPage = lazyView(() => import('./PoliciesPage'), 'PolicyPage');
export const PolicyVersionRedirect = lazyView(() => import('./PoliciesPage'), 'PolicyVersionRedirect');
export const NoticesPage = lazyView(() => import('./NoticesPage'), 'NoticesPage');
