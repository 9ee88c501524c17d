import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from '../core/roles.js';
import { hashPassword } from '../core/passwords.js';
import { recordAudit } from '../modules/audit/audit.service.js';
import { User } from '../modules/auth/user.entity.js';
import { Department } from '../modules/org/department.entity.js';
import { Employee, type EmploymentStatus } from '../modules/org/employee.entity.js';
import { Position, type PositionLevel } from '../modules/org/position.entity.js';
import { buildDemoEmployees, DEMO_PASSWORD, demoAccounts, demoDepartments, demoPositions } from './demo-organization.js';

export interface SeedResult {
  seeded: boolean;
  employees: number;
}

/**
 * Writes the demo group once: when the database already has any account, nothing happens, so a second
 * start keeps whatever people changed. Everything is written in one transaction.
 */
export async function seedDemoData(rootEm: EntityManager): Promise<SeedResult> {
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
    await tx.flush();
    recordAudit(tx, null, { operation: 'seedDemoData', entityType: 'Organization', entityId: 'demo', after: { employees: people.length, accounts: demoAccounts.length } });
  });
  return { seeded: true, employees: people.length };
}
