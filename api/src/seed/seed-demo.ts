import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from '../core/roles.js';
import { hashPassword } from '../core/passwords.js';
import { recordAudit } from '../modules/audit/audit.service.js';
import { User } from '../modules/auth/user.entity.js';
import { Department } from '../modules/org/department.entity.js';
import { Employee, type EmploymentStatus } from '../modules/org/employee.entity.js';
import { Position, type PositionLevel } from '../modules/org/position.entity.js';
import { IndicatorCategory } from '../modules/indicators/indicator-category.entity.js';
import { Indicator } from '../modules/indicators/indicator.entity.js';
import { indicatorCodesOf } from '../modules/schemes/scheme-documents.js';
import { SchemeVersion } from '../modules/schemes/scheme-version.entity.js';
import { Scheme, type SchemePeriod, SchemeStatus } from '../modules/schemes/scheme.entity.js';
import { buildDemoEmployees, DEMO_PASSWORD, demoAccounts, demoDepartments, demoPositions } from './demo-organization.js';
import { buildDemoIndicators, demoIndicatorCategories, demoSchemes } from './demo-schemes.js';
import { checkWorkCalendarYear, cnCalendarYears as demoCalendarYears, seedLedgerRules } from '@appraisal/domain';
import { LedgerRuleRecord } from '../modules/ledger/ledger.entity.js';
import { WorkCalendarYear } from '../modules/calendar/work-calendar-year.entity.js';
import { seedDemoGovernance } from './demo-governance.js';
import { type DemoCyclesOptions, type DemoCyclesSummary, seedDemoCycles } from './demo-cycles.js';
import { seedDemoAppeals } from './demo-appeals.js';
import { seedDemoHonors } from './demo-honors.js';
import { seedDemoLedger } from './demo-ledger.js';
import { systemClock } from '../core/clock.js';

export interface SeedResult {
  seeded: boolean;
  employees: number;
  /** The demo cycles written (absent when nothing was seeded). */
  cycles?: DemoCyclesSummary;
}

/**
 * Writes the demo group once: when the database already has any account, nothing happens, so a second
 * start keeps whatever people changed. Everything is written in one transaction.
 */
export async function seedDemoData(rootEm: EntityManager, options: DemoCyclesOptions & { cycles?: boolean } = {}): Promise<SeedResult> {
  const em = rootEm.fork();
  if ((await em.count(User, {})) > 0) return { seeded: false, employees: await em.count(Employee, {}) };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const people = buildDemoEmployees();
  await em.transactional(async (tx) => {
    const departments = new Map<string, Department>();
    for (const d of demoDepartments) {
      const department = tx.create(Department, { code: d.code, name: d.name, nameZh: d.nameZh, parent: d.parent ? departments.get(d.parent) ?? null : null });
      departments.set(d.code, department);
    }
    const positions = new Map<string, Position>();
    for (const p of demoPositions)
      positions.set(p.code, tx.create(Position, { code: p.code, name: p.name, nameZh: p.nameZh, department: departments.get(p.department) as Department, level: p.level as PositionLevel }));
    const employees = new Map<string, Employee>();
    for (const p of people) {
      const employee = new Employee();
      Object.assign(employee, {
        ...p,
        employmentStatus: p.employmentStatus as EmploymentStatus,
        department: departments.get(p.department),
        position: positions.get(p.position),
        supervisor: p.supervisor ? employees.get(p.supervisor) ?? null : null,
      });
      tx.persist(employee);
      employees.set(p.employeeNumber, employee);
    }
    for (const account of demoAccounts) {
      const employee = account.employee ? (employees.get(account.employee) ?? null) : null;
      tx.create(User, {
        email: account.email,
        passwordHash,
        displayName: employee ? employee.name : account.displayName,
        roles: [...account.roles] as Role[],
        employee,
        locale: 'en',
      });
    }
    seedLibraryAndSchemes(tx, departments);
    for (const year of demoCalendarYears) {
      const checked = checkWorkCalendarYear(year);
      if (!checked.ok) throw new Error(`demo calendar ${year.year}: ${checked.issues.map((i) => i.message).join('; ')}`);
      tx.create(WorkCalendarYear, { ...checked.value });
    }
    const rules = seedLedgerRules.map((rule) => tx.create(LedgerRuleRecord, { code: rule.code, document: rule, program: rule.program ?? null, active: rule.active }));
    await tx.flush();
    for (const rule of rules) await tx.execute(`insert into ledger_rule_revision (rule_id, revision, document) values (?, ?, ?)`, [rule.id, rule.revision, JSON.stringify(rule.document)], 'run');
    recordAudit(tx, null, { operation: 'seedDemoData', entityType: 'LedgerRule', entityId: 'demo', after: { rules: rules.length } });
    recordAudit(tx, null, { operation: 'seedDemoData', entityType: 'Organization', entityId: 'demo', after: { employees: people.length, accounts: demoAccounts.length } });
    recordAudit(tx, null, { operation: 'seedDemoData', entityType: 'WorkCalendar', entityId: 'demo', after: { years: demoCalendarYears.map((y) => y.year) } });
    recordAudit(tx, null, { operation: 'seedDemoData', entityType: 'SchemeLibrary', entityId: 'demo', after: { indicators: buildDemoIndicators().length, schemes: demoSchemes.length } });
    await seedDemoGovernance(tx, departments);
  });
  // Honors (every template): the cafeteria's 2025 annual results and a program in voting.
  await seedDemoHonors(rootEm, options.today ?? systemClock.today());
  // The cycles run through the services (their own transactions), on the committed organization and schemes.
  // Tests keep a template without them (test/support/global-setup.ts) and add them to a second one.
  const cycles = options.cycles === false ? null : await seedDemoCycles(rootEm, options);
  // Appeals on the cycles' published results (api/src/seed/demo-appeals.ts).
  if (cycles) await seedDemoAppeals(rootEm, options);
  // The ledger through its services, after the organization, the catalog and the published cycles (whose
  // publication already posted the generated pay entries).
  await seedDemoLedger(rootEm);
  return cycles ? { seeded: true, employees: people.length, cycles } : { seeded: true, employees: people.length };
}

/** The indicator library and the five seed programs, published as version 1 and applying to their departments. */
function seedLibraryAndSchemes(tx: EntityManager, departments: Map<string, Department>): void {
  const categories = new Map<string, IndicatorCategory>();
  for (const c of demoIndicatorCategories) categories.set(c.code, tx.create(IndicatorCategory, { code: c.code, name: c.name, nameZh: c.nameZh }));
  for (const i of buildDemoIndicators()) {
    const department = departments.get(i.departmentCode);
    tx.create(Indicator, {
      code: i.code,
      name: i.name,
      nameZh: i.nameZh,
      category: categories.get(i.categoryCode) as IndicatorCategory,
      scoringMethod: i.scoringMethod,
      minPoints: i.minPoints,
      maxPoints: i.maxPoints,
      measurementSource: i.measurementSource,
      applicableDepartmentIds: department ? [department.id] : [],
      tags: i.tags,
    });
  }
  for (const s of demoSchemes) {
    const department = departments.get(s.departmentCode);
    const scheme = tx.create(Scheme, {
      code: s.key,
      name: s.name.en,
      nameZh: s.name.zh,
      periodType: s.document.period.toUpperCase() as SchemePeriod,
      applicableDepartmentIds: department ? [department.id] : [],
      owner: 'Chen Jing (HR)',
      status: SchemeStatus.PUBLISHED,
      latestVersionNumber: 1,
      templateKey: s.key,
    });
    tx.create(SchemeVersion, {
      scheme,
      number: 1,
      document: structuredClone(s.document) as unknown as Record<string, unknown>,
      indicatorCodes: indicatorCodesOf(s.document),
      publishedBy: 'Chen Jing (HR)',
    });
  }
}
