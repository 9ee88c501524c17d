import { lazyView } from '../common/lazyView';

// The analytics page (and the chart library) load when it is first opened.
export const AnalyticsPage = lazyView(() => import('./AnalyticsPage'), 'AnalyticsPage');
/** HR's key charts on the dashboard: in the analytics chunk, so the dashboard does not carry the chart library. */
export const KeyCharts = lazyView(() => import('./KeyCharts'), 'KeyCharts');
