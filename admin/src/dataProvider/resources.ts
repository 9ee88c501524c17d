/**
 * react-admin resource names mapped explicitly onto the public GraphQL schema: the object type, the
 * list / single queries, the mutations and which flat "<ref>Id" inputs mirror which nested objects.
 */
export interface ResourceMapping {
  type: string;
  list: string;
  one: string;
  create: string;
  update: string;
  /** react-admin's delete: deactivate / retire / archive; absent where the API has no such mutation */
  deactivate?: string;
  /** form/input field -> nested object field it mirrors, e.g. departmentId -> department */
  references: Record<string, string>;
}

export const RESOURCES = {
  employees: {
    type: 'Employee',
    list: 'employees',
    one: 'employee',
    create: 'createEmployee',
    update: 'updateEmployee',
    deactivate: 'deactivateEmployee',
    references: { departmentId: 'department', positionId: 'position', supervisorId: 'supervisor' },
  },
  departments: {
    type: 'Department',
    list: 'departments',
    one: 'department',
    create: 'createDepartment',
    update: 'updateDepartment',
    deactivate: 'deactivateDepartment',
    references: { parentId: 'parent' },
  },
  positions: {
    type: 'Position',
    list: 'positions',
    one: 'position',
    create: 'createPosition',
    update: 'updatePosition',
    deactivate: 'deactivatePosition',
    references: { departmentId: 'department' },
  },
  indicators: {
    type: 'Indicator',
    list: 'indicators',
    one: 'indicator',
    create: 'createIndicator',
    update: 'updateIndicator',
    deactivate: 'retireIndicator',
    references: {
      categoryId: 'category',
      applicableDepartmentIds: 'applicableDepartments',
      applicablePositionIds: 'applicablePositions',
    },
  },
  indicatorCategories: {
    type: 'IndicatorCategory',
    list: 'indicatorCategories',
    one: 'indicatorCategory',
    create: 'createIndicatorCategory',
    update: 'updateIndicatorCategory',
    references: {},
  },
  schemes: {
    type: 'Scheme',
    list: 'schemes',
    one: 'scheme',
    create: 'createScheme',
    update: 'updateScheme',
    deactivate: 'archiveScheme',
    references: { applicableDepartmentIds: 'applicableDepartments', applicablePositionIds: 'applicablePositions' },
  },
} as const satisfies Record<string, ResourceMapping>;

export type ResourceName = keyof typeof RESOURCES;

export const isResourceName = (name: string): name is ResourceName => Object.hasOwn(RESOURCES, name);

export const resourceMapping = (name: string): ResourceMapping => {
  if (!isResourceName(name)) throw new Error(`app.error.unknown_resource`);
  return RESOURCES[name];
};
