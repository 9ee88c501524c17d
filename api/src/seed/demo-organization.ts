/**
 * The demo group: the five organizations of the seed programs, as plain data. Deterministic, so tests
 * and screenshots always see the same people.
 */
import type { EmploymentStatus } from '../modules/org/employee.entity.js';
import type { PositionLevel } from '../modules/org/position.entity.js';

export interface DemoDepartment {
  code: string;
  name: string;
  nameZh: string;
  parent: string | null;
}
export interface DemoPosition {
  code: string;
  name: string;
  nameZh: string;
  department: string;
  level: `${PositionLevel}`;
}
export interface DemoEmployee {
  employeeNumber: string;
  name: string;
  email: string;
  department: string;
  position: string;
  supervisor: string | null;
  hireDate: string;
  probationEndDate: string | null;
  employmentStatus: `${EmploymentStatus}`;
  category: string | null;
  performancePayBase: string | null;
  floatingPayBase: string | null;
  disciplinaryFlag: boolean;
  disciplinaryReference: string | null;
}

export const demoDepartments: DemoDepartment[] = [
  { code: 'GROUP', name: 'Harbor Group', nameZh: '海港集团', parent: null },
  { code: 'HQ', name: 'Group Headquarters', nameZh: '集团总部', parent: 'GROUP' },
  { code: 'HQ-HR', name: 'Human Resources Department', nameZh: '人力资源部', parent: 'HQ' },
  { code: 'HQ-FIN', name: 'Finance Department', nameZh: '财务部', parent: 'HQ' },
  { code: 'HQ-OPS', name: 'Operations Department', nameZh: '运营管理部', parent: 'HQ' },
  { code: 'HOTEL', name: 'Harbor Hotel', nameZh: '海港酒店', parent: 'GROUP' },
  { code: 'HOTEL-AUDIT', name: 'Audit Department', nameZh: '审计部', parent: 'HOTEL' },
  { code: 'CAFETERIA', name: 'Staff Cafeteria', nameZh: '员工食堂', parent: 'GROUP' },
  { code: 'HOSPITAL', name: 'Harbor Hospital', nameZh: '海港医院', parent: 'GROUP' },
  { code: 'NURSING', name: 'Nursing Department', nameZh: '护理部', parent: 'HOSPITAL' },
  { code: 'NURSING-MED', name: 'Internal Medicine Ward', nameZh: '内科病区', parent: 'NURSING' },
  { code: 'NURSING-SUR', name: 'Surgery Ward', nameZh: '外科病区', parent: 'NURSING' },
  { code: 'NURSING-PED', name: 'Pediatrics Ward', nameZh: '儿科病区', parent: 'NURSING' },
  { code: 'WORKSHOP', name: 'Production Workshop', nameZh: '生产车间', parent: 'GROUP' },
  { code: 'WORKSHOP-WELD', name: 'Welding Group', nameZh: '焊接组', parent: 'WORKSHOP' },
  { code: 'WORKSHOP-INT', name: 'Integrated Group', nameZh: '综合组', parent: 'WORKSHOP' },
];

export const demoPositions: DemoPosition[] = [
  { code: 'GM', name: 'General Manager', nameZh: '总经理', department: 'HQ', level: 'SENIOR' },
  { code: 'HR-HEAD', name: 'HR Director', nameZh: '人力资源总监', department: 'HQ-HR', level: 'MIDDLE_CADRE' },
  { code: 'HR-APPRAISAL', name: 'HR Appraisal Specialist', nameZh: '绩效考核专员', department: 'HQ-HR', level: 'EMPLOYEE' },
  { code: 'HR-STAFF', name: 'HR Officer', nameZh: '人事专员', department: 'HQ-HR', level: 'EMPLOYEE' },
  { code: 'FIN-HEAD', name: 'Finance Manager', nameZh: '财务经理', department: 'HQ-FIN', level: 'MIDDLE_CADRE' },
  { code: 'FIN-ACC', name: 'Accountant', nameZh: '会计', department: 'HQ-FIN', level: 'EMPLOYEE' },
  { code: 'OPS-HEAD', name: 'Operations Manager', nameZh: '运营经理', department: 'HQ-OPS', level: 'MIDDLE_CADRE' },
  { code: 'OPS-STAFF', name: 'Operations Officer', nameZh: '运营专员', department: 'HQ-OPS', level: 'EMPLOYEE' },
  { code: 'AUD-MGR', name: 'Audit Manager', nameZh: '审计经理', department: 'HOTEL-AUDIT', level: 'MIDDLE_CADRE' },
  { code: 'AUD-NIGHT', name: 'Night Auditor', nameZh: '夜审员', department: 'HOTEL-AUDIT', level: 'EMPLOYEE' },
  { code: 'AUD-INCOME', name: 'Income Auditor', nameZh: '收入审计员', department: 'HOTEL-AUDIT', level: 'EMPLOYEE' },
  { code: 'CAF-MGR', name: 'Cafeteria Manager', nameZh: '食堂经理', department: 'CAFETERIA', level: 'MIDDLE_CADRE' },
  { code: 'CAF-HEADCOOK', name: 'Head Cook', nameZh: '厨师长', department: 'CAFETERIA', level: 'TEAM_LEADER' },
  { code: 'CAF-COOK', name: 'Cook', nameZh: '厨师', department: 'CAFETERIA', level: 'EMPLOYEE' },
  { code: 'CAF-HELPER', name: 'Kitchen Helper', nameZh: '帮厨', department: 'CAFETERIA', level: 'EMPLOYEE' },
  { code: 'NUR-DIR', name: 'Director of Nursing', nameZh: '护理部主任', department: 'NURSING', level: 'MIDDLE_CADRE' },
  { code: 'NUR-HEAD-MED', name: 'Head Nurse, Internal Medicine', nameZh: '内科护士长', department: 'NURSING-MED', level: 'TEAM_LEADER' },
  { code: 'NUR-MED', name: 'Nurse, Internal Medicine', nameZh: '内科护士', department: 'NURSING-MED', level: 'EMPLOYEE' },
  { code: 'NUR-HEAD-SUR', name: 'Head Nurse, Surgery', nameZh: '外科护士长', department: 'NURSING-SUR', level: 'TEAM_LEADER' },
  { code: 'NUR-SUR', name: 'Nurse, Surgery', nameZh: '外科护士', department: 'NURSING-SUR', level: 'EMPLOYEE' },
  { code: 'NUR-HEAD-PED', name: 'Head Nurse, Pediatrics', nameZh: '儿科护士长', department: 'NURSING-PED', level: 'TEAM_LEADER' },
  { code: 'NUR-PED', name: 'Nurse, Pediatrics', nameZh: '儿科护士', department: 'NURSING-PED', level: 'EMPLOYEE' },
  { code: 'WS-DIR', name: 'Workshop Director', nameZh: '车间主任', department: 'WORKSHOP', level: 'MIDDLE_CADRE' },
  { code: 'WS-SHIFT', name: 'Shift Leader', nameZh: '值班长', department: 'WORKSHOP', level: 'TEAM_LEADER' },
  { code: 'WELD-LEAD', name: 'Welding Team Leader', nameZh: '焊接组组长', department: 'WORKSHOP-WELD', level: 'TEAM_LEADER' },
  { code: 'WELDER', name: 'Welder', nameZh: '焊工', department: 'WORKSHOP-WELD', level: 'EMPLOYEE' },
  { code: 'INT-LEAD', name: 'Integrated Team Leader', nameZh: '综合组组长', department: 'WORKSHOP-INT', level: 'TEAM_LEADER' },
  { code: 'INT-WORKER', name: 'Integrated Worker', nameZh: '综合工', department: 'WORKSHOP-INT', level: 'EMPLOYEE' },
];

const SURNAMES = ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun', 'Ma', 'Zhu', 'Hu', 'Guo', 'He', 'Lin', 'Gao', 'Luo'];
const GIVEN = ['Wei', 'Fang', 'Na', 'Min', 'Jing', 'Li', 'Qiang', 'Lei', 'Jun', 'Yang', 'Yong', 'Yan', 'Jie', 'Tao', 'Ming', 'Chao', 'Xiu', 'Hua', 'Ping', 'Gang', 'Hui', 'Ying', 'Bin', 'Dan'];

interface Unit {
  department: string;
  position: string;
  count: number;
  /** Employee number of the supervisor, or the index into this unit's leads. */
  supervisor: string | null;
  prefix: string;
  payBase: string | null;
  floatingBase: string | null;
  category: string | null;
}

/** Builds the demo staff: leaders first (named numbers), then teams under them. */
export function buildDemoEmployees(): DemoEmployee[] {
  const people: DemoEmployee[] = [];
  let serial = 0;
  const add = (unit: Omit<Unit, 'count' | 'prefix'>, employeeNumber: string, overrides: Partial<DemoEmployee> = {}): DemoEmployee => {
    const surname = SURNAMES[serial % SURNAMES.length] as string;
    const given = GIVEN[(serial * 7 + 3) % GIVEN.length] as string;
    const year = 2012 + (serial % 13);
    const month = String((serial % 12) + 1).padStart(2, '0');
    const day = String((serial % 27) + 1).padStart(2, '0');
    serial++;
    const person: DemoEmployee = {
      employeeNumber,
      name: `${surname} ${given}`,
      email: `${employeeNumber.toLowerCase()}@harbor.example`,
      department: unit.department,
      position: unit.position,
      supervisor: unit.supervisor,
      hireDate: `${year}-${month}-${day}`,
      probationEndDate: null,
      employmentStatus: 'REGULAR',
      category: unit.category,
      performancePayBase: unit.payBase,
      floatingPayBase: unit.floatingBase,
      disciplinaryFlag: false,
      disciplinaryReference: null,
      ...overrides,
    };
    people.push(person);
    return person;
  };
  const team = (unit: Unit) => {
    for (let i = 1; i <= unit.count; i++) {
      const number = `${unit.prefix}${String(i).padStart(3, '0')}`;
      // Every ninth newcomer is still on probation, every twentieth carries a disciplinary decision.
      const overrides: Partial<DemoEmployee> = {};
      if (i % 9 === 0) Object.assign(overrides, { employmentStatus: 'PROBATION', hireDate: '2026-09-01', probationEndDate: '2026-12-01' });
      if (i % 20 === 0) Object.assign(overrides, { disciplinaryFlag: true, disciplinaryReference: `DISC-2026-${String(i).padStart(3, '0')}` });
      add(unit, number, overrides);
    }
  };

  // Group headquarters and its middle cadres.
  add({ department: 'HQ', position: 'GM', supervisor: null, payBase: '20000.00', floatingBase: '8000.00', category: 'management' }, 'HQ001', { name: 'Zhou Guoqiang' });
  add({ department: 'HQ-HR', position: 'HR-HEAD', supervisor: 'HQ001', payBase: '9000.00', floatingBase: '3000.00', category: 'middle cadre' }, 'HQ010', { name: 'Lin Xiaohong' });
  add({ department: 'HQ-HR', position: 'HR-APPRAISAL', supervisor: 'HQ010', payBase: '3000.00', floatingBase: '1200.00', category: 'staff' }, 'HQ011', { name: 'Chen Jing' });
  add({ department: 'HQ-FIN', position: 'FIN-HEAD', supervisor: 'HQ001', payBase: '8500.00', floatingBase: '3000.00', category: 'middle cadre' }, 'HQ020');
  add({ department: 'HQ-OPS', position: 'OPS-HEAD', supervisor: 'HQ001', payBase: '8500.00', floatingBase: '3000.00', category: 'middle cadre' }, 'HQ030');
  team({ department: 'HQ-HR', position: 'HR-STAFF', count: 6, supervisor: 'HQ010', prefix: 'HQH', payBase: '2500.00', floatingBase: '1000.00', category: 'staff' });
  team({ department: 'HQ-FIN', position: 'FIN-ACC', count: 8, supervisor: 'HQ020', prefix: 'HQF', payBase: '2800.00', floatingBase: '1100.00', category: 'staff' });
  team({ department: 'HQ-OPS', position: 'OPS-STAFF', count: 8, supervisor: 'HQ030', prefix: 'HQO', payBase: '2600.00', floatingBase: '1000.00', category: 'staff' });

  // Hotel audit department: 100 points a day linked to the day's wage.
  add({ department: 'HOTEL-AUDIT', position: 'AUD-MGR', supervisor: 'HQ001', payBase: '6000.00', floatingBase: null, category: 'middle cadre' }, 'HA001');
  team({ department: 'HOTEL-AUDIT', position: 'AUD-NIGHT', count: 6, supervisor: 'HA001', prefix: 'HAN', payBase: '150.00', floatingBase: null, category: 'hotel audit' });
  team({ department: 'HOTEL-AUDIT', position: 'AUD-INCOME', count: 6, supervisor: 'HA001', prefix: 'HAI', payBase: '160.00', floatingBase: null, category: 'hotel audit' });

  // Cafeteria: performance pay bases 900 and 600 from the seed program.
  add({ department: 'CAFETERIA', position: 'CAF-MGR', supervisor: 'HQ030', payBase: '1500.00', floatingBase: null, category: 'middle cadre' }, 'CF001');
  add({ department: 'CAFETERIA', position: 'CAF-HEADCOOK', supervisor: 'CF001', payBase: '1200.00', floatingBase: null, category: 'cafeteria' }, 'CF002');
  team({ department: 'CAFETERIA', position: 'CAF-COOK', count: 10, supervisor: 'CF002', prefix: 'CFC', payBase: '900.00', floatingBase: null, category: 'cafeteria' });
  team({ department: 'CAFETERIA', position: 'CAF-HELPER', count: 8, supervisor: 'CF002', prefix: 'CFH', payBase: '600.00', floatingBase: null, category: 'cafeteria' });

  // Nursing: director, three head nurses, their wards.
  add({ department: 'NURSING', position: 'NUR-DIR', supervisor: 'HQ001', payBase: '5000.00', floatingBase: null, category: 'middle cadre' }, 'NU001', { name: 'Wang Fang' });
  for (const [ward, n] of [['MED', 15], ['SUR', 15], ['PED', 12]] as const) {
    const head = `NU${ward}00`;
    add({ department: `NURSING-${ward}`, position: `NUR-HEAD-${ward}`, supervisor: 'NU001', payBase: '3500.00', floatingBase: null, category: 'nursing' }, head);
    team({ department: `NURSING-${ward}`, position: `NUR-${ward}`, count: n, supervisor: head, prefix: `NU${ward}`, payBase: '2200.00', floatingBase: null, category: 'nursing' });
  }

  // Production workshop: director, shift leader, welding and integrated groups.
  add({ department: 'WORKSHOP', position: 'WS-DIR', supervisor: 'HQ001', payBase: '6000.00', floatingBase: null, category: 'middle cadre' }, 'WS001', { name: 'Zhang Qiang' });
  add({ department: 'WORKSHOP', position: 'WS-SHIFT', supervisor: 'WS001', payBase: '4000.00', floatingBase: null, category: 'production_frontline' }, 'WS002');
  add({ department: 'WORKSHOP-WELD', position: 'WELD-LEAD', supervisor: 'WS002', payBase: '3500.00', floatingBase: null, category: 'production_frontline' }, 'WSW00');
  team({ department: 'WORKSHOP-WELD', position: 'WELDER', count: 22, supervisor: 'WSW00', prefix: 'WSW', payBase: null, floatingBase: null, category: 'production_frontline' });
  add({ department: 'WORKSHOP-INT', position: 'INT-LEAD', supervisor: 'WS002', payBase: '3300.00', floatingBase: null, category: 'production_frontline' }, 'WSI00');
  team({ department: 'WORKSHOP-INT', position: 'INT-WORKER', count: 18, supervisor: 'WSI00', prefix: 'WSI', payBase: null, floatingBase: null, category: 'production_frontline' });
  return people;
}

/** Demo sign-ins, one per role; all share the password below. */
export const DEMO_PASSWORD = 'demo1234';
export const demoAccounts = [
  { email: 'hr@demo.local', displayName: 'Chen Jing (HR)', roles: ['HR', 'EMPLOYEE'], employee: 'HQ011' },
  { email: 'admin@demo.local', displayName: 'System Administrator', roles: ['ADMIN'], employee: null },
  { email: 'committee@demo.local', displayName: 'Appraisal Committee', roles: ['COMMITTEE'], employee: 'HQO001' },
  { email: 'supervisor@demo.local', displayName: 'Wang Fang (Director of Nursing)', roles: ['SUPERVISOR', 'EMPLOYEE'], employee: 'NU001' },
  { email: 'employee@demo.local', displayName: 'Nurse NUMED001', roles: ['EMPLOYEE'], employee: 'NUMED001' },
  { email: 'approver@demo.local', displayName: 'Finance Manager (approver)', roles: ['APPROVER', 'EMPLOYEE'], employee: 'HQ020' },
] as const;
