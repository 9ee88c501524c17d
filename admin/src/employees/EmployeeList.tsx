import { BooleanField, Datagrid, List, SearchInput, SelectField, SelectInput, TextField } from 'react-admin';
import { canReadOrg, isCommitteeOnly } from '../auth/roles';
import { useRoles } from '../auth/useRoles';
import { statusChoices } from '../common/choices';
import { DateField } from '../common/fields';
import { LocalizedNameField } from '../common/LocalizedNameField';
import { DepartmentInput, PositionInput } from '../common/referenceInputs';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <DepartmentInput key="departmentId" source="departmentId" alwaysOn />,
  <PositionInput key="positionId" source="positionId" />,
  <SelectInput key="employmentStatus" source="employmentStatus" choices={statusChoices} />,
];

const committeeFilters = [<SearchInput key="q" source="q" alwaysOn />];

/**
 * Never any pay column: pay bases are only on the show page of HR or the employee themself.
 * The supervisor column is for HR / ADMIN, who may read every supervisor's record.
 */
const EmployeeGrid = ({ withSupervisor }: { withSupervisor: boolean }) => (
  <Datagrid rowClick="show" bulkActionButtons={false}>
    <TextField source="employeeNumber" />
    <TextField source="name" />
    <LocalizedNameField source="department" label="resources.employees.fields.department" sortable={false} />
    <LocalizedNameField source="position" label="resources.employees.fields.position" sortable={false} />
    {withSupervisor && (
      <TextField source="supervisor.name" label="resources.employees.fields.supervisor" sortable={false} emptyText="-" />
    )}
    <SelectField source="employmentStatus" choices={statusChoices} />
    <DateField source="hireDate" />
    <BooleanField source="active" sortable={false} />
  </Datagrid>
);

/** The committee reads names, departments and positions only. */
const CommitteeGrid = () => (
  <Datagrid rowClick={false} bulkActionButtons={false}>
    <TextField source="name" />
    <LocalizedNameField source="department" label="resources.employees.fields.department" sortable={false} />
    <LocalizedNameField source="position" label="resources.employees.fields.position" sortable={false} />
  </Datagrid>
);

export const EmployeeList = () => {
  const { roles } = useRoles();
  const committee = isCommitteeOnly(roles);
  // A supervisor reads their reporting line: the page is named as the menu names it.
  const team = !canReadOrg(roles) && roles.includes('SUPERVISOR');
  return (
    // The committee may not read employee numbers, so it may not sort by them either (the API refuses it).
    <List
      title={team ? 'app.menu.my_team' : undefined}
      filters={committee ? committeeFilters : filters}
      sort={committee ? { field: 'name', order: 'ASC' } : { field: 'employeeNumber', order: 'ASC' }}
      exporter={false}
    >
      {committee ? <CommitteeGrid /> : <EmployeeGrid withSupervisor={canReadOrg(roles)} />}
    </List>
  );
};
