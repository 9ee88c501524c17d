import { Create } from 'react-admin';
import { IndicatorCategoryForm } from './IndicatorCategoryForm';

export const IndicatorCategoryCreate = () => (
  <Create redirect="list">
    <IndicatorCategoryForm />
  </Create>
);
