import { Edit } from 'react-admin';
import { PositionForm } from './PositionForm';

export const PositionEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <PositionForm edit />
  </Edit>
);
