import { Create, regex, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { periodChoices } from './choices';

const identifier = regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'app.validation.identifier');

/** A blank scheme (the API starts it with a minimal valid document); the builder opens next. */
export const SchemeCreate = () => (
  <Create redirect="edit">
    <SimpleForm>
      <TextInput source="code" validate={[required(), identifier]} helperText="app.scheme.code_hint" />
      <TextInput source="name" validate={required()} />
      <TextInput source="nameZh" />
      <SelectInput source="periodType" choices={periodChoices} validate={required()} defaultValue="MONTH" />
    </SimpleForm>
  </Create>
);
