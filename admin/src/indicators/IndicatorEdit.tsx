import { Edit } from 'react-admin';
import { IndicatorForm } from './IndicatorForm';

/** Pessimistic: the version check runs before leaving the form, so a CONFLICT keeps the input on screen. */
export const IndicatorEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <IndicatorForm />
  </Edit>
);
