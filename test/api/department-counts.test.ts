import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, gql, login } from '../support/graphql.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;

interface DepartmentCounts {
  id: string;
  code: string;
  parent: { id: string } | null;
  employeeCount: number;
  subtreeEmployeeCount: number;
}

const LIST = '{ departments(first: 200) { nodes { id code parent { id } employeeCount subtreeEmployeeCount } } }';

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

describe('Department.subtreeEmployeeCount', () => {
  it('counts the active people of a department and everything below it, beside the direct count', async () => {
    const token = await login(server.url, demo.hr);
    const result = await gql<{ departments: { nodes: DepartmentCounts[] }; employees: { totalCount: number } }>(
      server.url,
      `{ departments(first: 200) { nodes { id code parent { id } employeeCount subtreeEmployeeCount } }
         employees(first: 1, filter: { active: true }) { totalCount } }`,
      {},
      token,
    );
    expect(result.errors).toBeUndefined();
    const departments = result.data!.departments.nodes;
    const roots = departments.filter((d) => d.parent === null);
    // The group at the top holds everybody, though nobody works directly in it.
    expect(roots.reduce((sum, d) => sum + d.subtreeEmployeeCount, 0)).toBe(result.data!.employees.totalCount);
    expect(result.data!.employees.totalCount).toBeGreaterThan(100);
    // Every department: its own people plus its children's subtrees.
    for (const department of departments) {
      const children = departments.filter((d) => d.parent?.id === department.id);
      expect(department.subtreeEmployeeCount, department.code).toBe(department.employeeCount + children.reduce((sum, c) => sum + c.subtreeEmployeeCount, 0));
    }
    expect(roots.some((d) => d.employeeCount === 0 && d.subtreeEmployeeCount > 0)).toBe(true);
  });

  it('costs one recursive query for the whole page, and any signed-in role may read it', async () => {
    const token = await login(server.url, demo.employee);
    server.sql.length = 0;
    const result = await gql<{ departments: { nodes: DepartmentCounts[] } }>(server.url, LIST, {}, token);
    expect(result.errors).toBeUndefined();
    expect(result.data!.departments.nodes.length).toBeGreaterThan(5);
    expect(server.sql.filter((line) => line.includes('with recursive subtree'))).toHaveLength(1);
  });
});
