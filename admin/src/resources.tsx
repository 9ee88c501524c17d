import { Suspense } from 'react';
import { CustomRoutes, LoadingPage, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { canListEmployees, canRate, canReadOrg, canUseAnalytics, canUseHonors, canUseLedger, canUsePayoutBatches, isAppraised, canReadSchemes, isCommitteeOnly, isOrgManager, type Role } from './auth/roles';
import { AppealPage, AppealsPage, StatementsPage } from './appeals';
import { ArchivePrintPage } from './archives';
import { CalendarPage, CycleCreate, CycleDashboardPage, CycleList, CyclePage, InputsPage, MyAppraisals, ProbationPage, RatingFormPage, RatingInbox, SelfReviewPage, TeamResults } from './cycles';
import { AnalyticsPage } from './analytics';
import { HonorProgramPage, HonorsPage } from './honors';
import { LedgerPage, MyLedgerPage, PayoutBatchPage, PayoutBatchesPage } from './ledger';
import { departments } from './departments';
import { InboxPage, NoticesPage, PoliciesPage, PolicyPage, PolicyVersionRedirect } from './governance';
import { employees } from './employees';
import { ImportPage } from './import';
import { IndicatorImport, indicators } from './indicators';
import { indicatorCategories } from './indicatorCategories';
import { AccessDeniedPage } from './layout/StatusPages';
import { positions } from './positions';
import { SchemeCompare, SchemeFromTemplate, schemes } from './schemeViews';

type Views = { list?: unknown; create?: unknown; edit?: unknown; show?: unknown };

/** Every resource the console knows; an address under one the role may not use is a 403, not a 404. */
export const CONSOLE_RESOURCES = ['departments', 'positions', 'employees', 'indicators', 'indicatorCategories', 'schemes'] as const;

/** HR gets every view; anyone else gets no create / edit, so those routes and buttons never appear. */
const readOnly = <T extends Views>(views: T): Omit<T, 'create' | 'edit'> => {
  const { create: _create, edit: _edit, ...rest } = views;
  return rest;
};

/**
 * Routes a role reaches by typing or following a link to a view it may not use (`/employees/create`
 * for a supervisor, `/employees` for an employee): a 403 page instead of an empty screen. Without
 * them react-admin matches nothing and renders nothing.
 */
const deniedViews = ({ list, create, edit }: Views) => [
  create ? null : <Route key="create" path="create/*" element={<AccessDeniedPage />} />,
  edit ? null : <Route key="edit" path=":id/*" element={<AccessDeniedPage />} />,
  list ? null : <Route key="list" path="" element={<AccessDeniedPage />} />,
];

/**
 * The resources each role may use (the API enforces the same: mutations are HR-only, ADMIN reads
 * everything, a SUPERVISOR their reporting line, an EMPLOYEE themself, the committee names only),
 * then a 403 page for every other console address.
 */
export const resourcesFor = (roles: Role[]) => {
  const granted = [...orgResources(roles), ...schemeResources(roles)];
  const names = new Set(granted.map((r) => r.props.name));
  const denied = CONSOLE_RESOURCES.filter((name) => !names.has(name));
  return [
    ...granted,
    <CustomRoutes key="print" noLayout>
      <Route path="/archive/:employeeId/print" element={<Suspense fallback={<LoadingPage />}><ArchivePrintPage /></Suspense>} />
    </CustomRoutes>,
    <CustomRoutes key="denied">
      {isOrgManager(roles) ? <Route path="/import" element={<ImportPage />} /> : <Route path="/import" element={<AccessDeniedPage />} />}
      {cycleRoutes(roles)}
      {governanceRoutes(roles)}
      {ledgerRoutes(roles)}
      {denied.map((name) => (
        <Route key={name} path={`/${name}/*`} element={<AccessDeniedPage />} />
      ))}
    </CustomRoutes>,
  ];
};

/** The cycle pages: HR runs cycles, probations and the work calendar; raters fill their ratings and read their team's results; the appraised write their self-review. Others get a 403 page. */
const cycleRoutes = (roles: Role[]) => {
  const hr = isOrgManager(roles);
  const rater = canRate(roles);
  const denied = <AccessDeniedPage />;
  return [
    <Route key="calendar" path="/calendar" element={hr ? <CalendarPage /> : denied} />,
    <Route key="cycles" path="/cycles" element={hr ? <CycleList /> : denied} />,
    <Route key="cycles-create" path="/cycles/create" element={hr ? <CycleCreate /> : denied} />,
    <Route key="cycle" path="/cycles/:id" element={hr ? <CyclePage /> : denied} />,
    <Route key="cycle-dashboard" path="/cycles/:id/dashboard" element={hr ? <CycleDashboardPage /> : denied} />,
    <Route key="cycle-inputs" path="/cycles/:id/inputs" element={hr ? <InputsPage /> : denied} />,
    <Route key="probation" path="/probation" element={hr ? <ProbationPage /> : denied} />,
    <Route key="team-results" path="/team-results" element={rater ? <TeamResults /> : denied} />,
    <Route key="to-rate" path="/to-rate" element={rater ? <RatingInbox /> : denied} />,
    <Route key="rating" path="/to-rate/:appraisalId/:ratingId" element={rater ? <RatingFormPage /> : denied} />,
    <Route key="my-appraisals" path="/my-appraisals" element={isAppraised(roles) ? <MyAppraisals /> : denied} />,
    <Route key="honors" path="/honors" element={canUseHonors(roles) ? <HonorsPage /> : denied} />,
    <Route key="honor" path="/honors/:id" element={canUseHonors(roles) ? <HonorProgramPage /> : denied} />,
    <Route key="analytics" path="/analytics" element={canUseAnalytics(roles) ? <AnalyticsPage /> : denied} />,
    <Route key="self-review" path="/my-appraisals/:id/self-review" element={isAppraised(roles) ? <SelfReviewPage /> : denied} />,
  ];
};

/** The ledger (HR and supervisors: entries, catalog, statements, totals), payout batches (HR prepares, the approver approves), and everyone's own ledger. */
const ledgerRoutes = (roles: Role[]) => {
  const denied = <AccessDeniedPage />;
  const ledger = canUseLedger(roles);
  const batches = canUsePayoutBatches(roles);
  return [
    <Route key="ledger" path="/ledger" element={ledger ? <LedgerPage /> : denied} />,
    <Route key="ledger-tab" path="/ledger/:tab" element={ledger ? <LedgerPage /> : denied} />,
    <Route key="payout-batches" path="/payout-batches" element={batches ? <PayoutBatchesPage /> : denied} />,
    <Route key="payout-batch" path="/payout-batches/:id" element={batches ? <PayoutBatchPage /> : denied} />,
    <Route key="my-ledger" path="/my-ledger" element={isAppraised(roles) ? <MyLedgerPage /> : denied} />,
  ];
};

/** Inbox and policies for everyone signed in (the API scopes them); notices are composed by HR. */
const governanceRoutes = (roles: Role[]) => [
  <Route key="inbox" path="/inbox" element={<InboxPage />} />,
  <Route key="policies" path="/policies" element={<PoliciesPage />} />,
  <Route key="policy-version" path="/policies/version/:id" element={<PolicyVersionRedirect />} />,
  <Route key="policy" path="/policies/:id" element={<PolicyPage />} />,
  <Route key="notices" path="/notices" element={isOrgManager(roles) ? <NoticesPage /> : <AccessDeniedPage />} />,
  // Appeals: HR's queue; an appeal page for whoever the API lets read it (the appellant, HR, assigned handlers);
  // the rater's statements.
  <Route key="appeals" path="/appeals" element={<AppealsPage />} />,
  <Route key="appeal" path="/appeals/:id" element={<AppealPage />} />,
  <Route key="statements" path="/statements" element={canRate(roles) ? <StatementsPage /> : <AccessDeniedPage />} />,
];

/**
 * HR builds the indicator library and the schemes; every other role reads the published schemes that
 * apply to them (the API returns nothing else), through the list and the read-only show page.
 */
const schemeResources = (roles: Role[]) => {
  if (!canReadSchemes(roles)) return [];
  if (!isOrgManager(roles)) {
    const views = readOnly(schemes);
    return [
      <Resource key="schemes" name="schemes" {...views}>
        {deniedViews(views)}
      </Resource>,
    ];
  }
  return [
    <Resource key="indicators" name="indicators" {...indicators}>
      <Route path="import" element={<IndicatorImport />} />
    </Resource>,
    <Resource key="indicatorCategories" name="indicatorCategories" {...indicatorCategories}>
      {deniedViews(indicatorCategories)}
    </Resource>,
    <Resource key="schemes" name="schemes" {...schemes}>
      <Route path="from-template" element={<SchemeFromTemplate />} />
      <Route path=":id/compare" element={<SchemeCompare />} />
    </Resource>,
  ];
};

const orgResources = (roles: Role[]) => {
  if (isOrgManager(roles) || canReadOrg(roles)) {
    const views = <T extends Views>(v: T) => (isOrgManager(roles) ? v : readOnly(v));
    return [
      <Resource key="departments" name="departments" {...views(departments)}>
        {deniedViews(views(departments))}
      </Resource>,
      <Resource key="positions" name="positions" {...views(positions)}>
        {deniedViews(views(positions))}
      </Resource>,
      <Resource key="employees" name="employees" {...views(employees)}>
        {deniedViews(views(employees))}
      </Resource>,
    ];
  }
  const list = canListEmployees(roles) ? employees.list : undefined;
  // Committee members read names, departments and positions only: a list, no detail page.
  const show = isCommitteeOnly(roles) ? undefined : employees.show;
  return [
    <Resource
      key="employees"
      name="employees"
      list={list}
      show={show}
      icon={employees.icon}
      recordRepresentation={employees.recordRepresentation}
    >
      {deniedViews({ list, show })}
      {show ? null : <Route path=":id/show/*" element={<AccessDeniedPage />} />}
    </Resource>,
  ];
};
