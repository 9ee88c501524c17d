import { BooleanField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { levelChoices } from '../common/choices';
import { DateTimeField } from '../common/fields';
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
      <DateTimeField source="updatedAt" />
    </SimpleShowLayout>
  </Show>
);
