import { Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { canListEmployees, canReadOrg, canReadSchemes, isCommitteeOnly, isOrgManager, type Role } from './auth/roles';
import { departments } from './departments';
import { employees } from './employees';
import { IndicatorImport, indicators } from './indicators';
import { indicatorCategories } from './indicatorCategories';
import { positions } from './positions';
import { SchemeCompare, SchemeFromTemplate, schemes } from './schemes';

type Views = { list?: unknown; create?: unknown; edit?: unknown; show?: unknown };

/** HR gets every view; anyone else gets no create / edit, so those routes and buttons never appear. */
const readOnly = <T extends Views>(views: T): Omit<T, 'create' | 'edit'> => {
  const { create: _create, edit: _edit, ...rest } = views;
  return rest;
};

/**
 * The resources each role may use (the API enforces the same: mutations are HR-only, ADMIN reads
 * everything, a SUPERVISOR their reporting line, an EMPLOYEE themself, the committee names only).
 */
export const resourcesFor = (roles: Role[]) => [...orgResources(roles), ...schemeResources(roles)];

/**
 * HR builds the indicator library and the schemes; every other role reads the published schemes that
 * apply to them (the API returns nothing else), through the list and the read-only show page.
 */
const schemeResources = (roles: Role[]) => {
  if (!canReadSchemes(roles)) return [];
  if (!isOrgManager(roles)) {
    return [<Resource key="schemes" name="schemes" list={schemes.list} show={schemes.show} icon={schemes.icon} recordRepresentation={schemes.recordRepresentation} />];
  }
  return [
    <Resource key="indicators" name="indicators" {...indicators}>
      <Route path="import" element={<IndicatorImport />} />
    </Resource>,
    <Resource key="indicatorCategories" name="indicatorCategories" {...indicatorCategories} />,
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
      <Resource key="departments" name="departments" {...views(departments)} />,
      <Resource key="positions" name="positions" {...views(positions)} />,
      <Resource key="employees" name="employees" {...views(employees)} />,
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
    />,
  ];
};
