import {
  BooleanField,
  Datagrid,
  ReferenceManyField,
  Show,
  SelectField,
  SimpleShowLayout,
  TextField,
  useTranslate,
} from 'react-admin';
import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { levelChoices } from '../common/choices';
import { DateTimeField, NumberField } from '../common/fields';
import { LocalizedNameField } from '../common/LocalizedNameField';

const Section = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ px: 2, pb: 2 }}>
      <Typography variant="subtitle1" sx={{ mt: 1 }}>
        {translate(title)}
      </Typography>
      {children}
    </Box>
  );
};

const NoResults = () => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary">
      {translate('app.department.none')}
    </Typography>
  );
};

const SubDepartments = () => (
  <ReferenceManyField reference="departments" target="parentId" sort={{ field: 'code', order: 'ASC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false} empty={<NoResults />}>
      <TextField source="code" />
      <LocalizedNameField label="resources.departments.fields.name" sortBy="name" />
      <NumberField source="subtreeEmployeeCount" sortable={false} />
      <NumberField source="employeeCount" sortable={false} />
    </Datagrid>
  </ReferenceManyField>
);

const Positions = () => (
  <ReferenceManyField reference="positions" target="departmentId" sort={{ field: 'code', order: 'ASC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false} empty={<NoResults />}>
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
      <NumberField source="subtreeEmployeeCount" />
      <NumberField source="employeeCount" />
      <BooleanField source="active" />
      <DateTimeField source="updatedAt" />
    </SimpleShowLayout>
    <Section title="app.department.children">
      <SubDepartments />
    </Section>
    <Section title="app.department.positions">
      <Positions />
    </Section>
  </Show>
);
