import { lazyView } from '../common/lazyView';

// The cycle pages load when one is first opened (the rating form brings the domain's form rules with it).
export const CalendarPage = lazyView(() => import('./CalendarPage'), 'CalendarPage');
export const CycleList = lazyView(() => import('./CycleList'), 'CycleList');
export const CycleCreate = lazyView(() => import('./CycleWizard'), 'CycleCreate');
export const CyclePage = lazyView(() => import('./CyclePage'), 'CyclePage');
export const RatingInbox = lazyView(() => import('./RatingInbox'), 'RatingInbox');
export const RatingFormPage = lazyView(() => import('./RatingFormPage'), 'RatingFormPage');
export const MyAppraisals = lazyView(() => import('./MyAppraisals'), 'MyAppraisals');
export const SelfReviewPage = lazyView(() => import('./SelfReviewPage'), 'SelfReviewPage');
export const CycleDashboardPage = lazyView(() => import('./CycleDashboardPage'), 'CycleDashboardPage');
export const ProbationPage = lazyView(() => import('./ProbationPage'), 'ProbationPage');
export const InputsPage = lazyView(() => import('./InputsPage'), 'InputsPage');
export const TeamResults = lazyView(() => import('./TeamResults'), 'TeamResults');
