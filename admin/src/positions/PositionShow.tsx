import { BooleanField, DateField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { levelChoices } from '../common/choices';
import { LocalizedNameField } from '../common/LocalizedNameField';

export const PositionShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="code" />
      <TextField source="name" />
      <TextField source="nameZh" emptyText="-" />
      <LocalizedNameField source="department" label="resources.positions.fields.department" />
      <SelectField source="level" choices={levelChoices} />
      <BooleanField source="active" />
      <DateField source="updatedAt" showTime />
    </SimpleShowLayout>
  </Show>
);
