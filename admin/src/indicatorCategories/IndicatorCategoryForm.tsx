import { required, SaveButton, SimpleForm, TextInput, Toolbar } from 'react-admin';

export const IndicatorCategoryForm = () => (
  <SimpleForm toolbar={<Toolbar><SaveButton /></Toolbar>}>
    <TextInput source="code" validate={required()} />
    <TextInput source="name" validate={required()} />
    <TextInput source="nameZh" />
  </SimpleForm>
);
