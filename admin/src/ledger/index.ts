import { lazyView } from '../common/lazyView';

// The ledger and payout batch pages load when one is first opened.
export const LedgerPage = lazyView(() => import('./LedgerPage'), 'LedgerPage');
export const PayoutBatchesPage = lazyView(() => import('./PayoutBatches'), 'PayoutBatchesPage');
export const PayoutBatchPage = lazyView(() => import('./PayoutBatches'), 'PayoutBatchPage');
export const MyLedgerPage = lazyView(() => import('./MyLedgerPage'), 'MyLedgerPage');
