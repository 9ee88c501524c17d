import {
  BooleanField,
  Datagrid,
  DateField,
  NumberField,
  ReferenceManyField,
  Show,
  SelectField,
  SimpleShowLayout,
  TextField,
} from 'react-admin';
import { levelChoices } from '../common/choices';
import { LocalizedNameField } from '../common/LocalizedNameField';

const SubDepartments = () => (
  <ReferenceManyField reference="departments" target="parentId" label="app.department.children" sort={{ field: 'code', order: 'ASC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false} empty={<span />}>
      <TextField source="code" />
      <LocalizedNameField label="resources.departments.fields.name" sortBy="name" />
      <NumberField source="employeeCount" sortable={false} />
    </Datagrid>
  </ReferenceManyField>
);

const Positions = () => (
  <ReferenceManyField reference="positions" target="departmentId" label="app.department.positions" sort={{ field: 'code', order: 'ASC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false} empty={<span />}>
      <TextField source="code" />
      <LocalizedNameField label="resources.positions.fields.name" sortBy="name" />
      <SelectField source="level" choices={levelChoices} />
    </Datagrid>
  </ReferenceManyField>
);

export const DepartmentShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="code" />
      <TextField source="name" />
      <TextField source="nameZh" emptyText="-" />
      <LocalizedNameField source="parent" label="resources.departments.fields.parent" />
      <NumberField source="employeeCount" />
      <BooleanField source="active" />
      <DateField source="updatedAt" showTime />
      <SubDepartments />
      <Positions />
    </SimpleShowLayout>
  </Show>
);
