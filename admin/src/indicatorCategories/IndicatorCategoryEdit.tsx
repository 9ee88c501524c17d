import { Edit } from 'react-admin';
import { IndicatorCategoryForm } from './IndicatorCategoryForm';

export const IndicatorCategoryEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <IndicatorCategoryForm />
  </Edit>
);
