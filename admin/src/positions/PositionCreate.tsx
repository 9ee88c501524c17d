import { Create } from 'react-admin';
import { PositionForm } from './PositionForm';

export const PositionCreate = () => (
  <Create redirect="show">
    <PositionForm />
  </Create>
);
