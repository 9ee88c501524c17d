import { AutocompleteInput, ReferenceInput, type Validator } from 'react-admin';
import { useLocalizedOptionText } from '../common/localizedName';

export const CategoryInput = ({ source, alwaysOn, validate }: { source: string; alwaysOn?: boolean; validate?: Validator }) => {
  const optionText = useLocalizedOptionText();
  return (
    <ReferenceInput source={source} reference="indicatorCategories" sort={{ field: 'code', order: 'ASC' }} alwaysOn={alwaysOn}>
      <AutocompleteInput optionText={optionText} validate={validate} />
    </ReferenceInput>
  );
};
