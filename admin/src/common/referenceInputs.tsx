import { AutocompleteInput, ReferenceInput, type Validator } from 'react-admin';
import { useLocalizedOptionText } from './localizedName';

interface ReferenceProps {
  source: string;
  alwaysOn?: boolean;
  validate?: Validator | Validator[];
  /** react-admin's label key; defaults to the resource field of `source` */
  label?: string;
}

export const DepartmentInput = ({ source, alwaysOn, validate, label }: ReferenceProps) => {
  const optionText = useLocalizedOptionText();
  return (
    <ReferenceInput source={source} reference="departments" sort={{ field: 'code', order: 'ASC' }} alwaysOn={alwaysOn}>
      <AutocompleteInput optionText={optionText} validate={validate} label={label} />
    </ReferenceInput>
  );
};

/** Positions, optionally narrowed to one department (the one chosen in the same form). */
export const PositionInput = ({ source, alwaysOn, validate, label, departmentId }: ReferenceProps & { departmentId?: string | null }) => {
  const optionText = useLocalizedOptionText();
  return (
    <ReferenceInput
      source={source}
      reference="positions"
      sort={{ field: 'code', order: 'ASC' }}
      filter={departmentId ? { departmentId } : {}}
      alwaysOn={alwaysOn}
    >
      <AutocompleteInput optionText={optionText} validate={validate} label={label} />
    </ReferenceInput>
  );
};

interface PersonOption {
  name?: string;
  employeeNumber?: string;
}

const personText = (record: PersonOption | null | undefined): string =>
  record ? `${record.name ?? ''}${record.employeeNumber ? ` (${record.employeeNumber})` : ''}` : '';

export const EmployeeInput = ({ source, validate, label }: ReferenceProps) => (
  <ReferenceInput source={source} reference="employees" sort={{ field: 'name', order: 'ASC' }} filter={{ active: true }}>
    <AutocompleteInput optionText={personText} validate={validate} label={label} />
  </ReferenceInput>
);
