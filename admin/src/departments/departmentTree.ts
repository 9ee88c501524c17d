import type { RaRecord } from 'react-admin';

export interface DepartmentRecord extends RaRecord {
  code: string;
  name: string;
  nameZh?: string | null;
  parentId?: string | null;
  /** Active employees directly in the department. */
  employeeCount?: number;
  /** Active employees in the department and every department below it. */
  subtreeEmployeeCount?: number;
  active?: boolean;
}

export interface DepartmentNode {
  department: DepartmentRecord;
  children: DepartmentNode[];
}

/** Groups a flat department list by parent; departments whose parent is not in the list become roots. */
export const buildDepartmentTree = (departments: readonly DepartmentRecord[]): DepartmentNode[] => {
  const nodes = new Map<string, DepartmentNode>();
  for (const department of departments) nodes.set(String(department.id), { department, children: [] });
  const roots: DepartmentNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.department.parentId ? nodes.get(String(node.department.parentId)) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const byCode = (a: DepartmentNode, b: DepartmentNode) => a.department.code.localeCompare(b.department.code);
  const sort = (list: DepartmentNode[]) => {
    list.sort(byCode);
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
};
