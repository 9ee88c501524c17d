import {
  BooleanField,
  Datagrid,
  List,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
} from 'react-admin';
import { levelChoices } from '../common/choices';
import { LocalizedNameField } from '../common/LocalizedNameField';
import { DepartmentInput } from '../common/referenceInputs';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <DepartmentInput key="departmentId" source="departmentId" alwaysOn />,
  <SelectInput key="level" source="level" choices={levelChoices} />,
];

export const PositionList = () => (
  <List filters={filters} sort={{ field: 'code', order: 'ASC' }} exporter={false}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="code" />
      <LocalizedNameField label="resources.positions.fields.name" sortBy="name" />
      <LocalizedNameField source="department" label="resources.positions.fields.department" sortable={false} />
      <SelectField source="level" choices={levelChoices} />
      <BooleanField source="active" sortable={false} />
    </Datagrid>
  </List>
);
