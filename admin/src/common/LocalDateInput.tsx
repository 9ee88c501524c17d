import { FieldTitle, InputHelperText, useInput, type InputProps } from 'react-admin';
import { LocalDateField } from './LocalDateField';

/** The form value as the field shows it: YYYY-MM-DD, or '' for none (a stored date may carry a time part). */
const asIsoDate = (value: unknown): string => (typeof value === 'string' ? value.slice(0, 10) : '');

/**
 * react-admin's DateInput in the console's language (see LocalDateField): a form input with the same `source`,
 * label, validation and helper text, whose value is YYYY-MM-DD or '' (what DateInput stores for an emptied date).
 */
export const LocalDateInput = ({ label, helperText, ...props }: InputProps & { helperText?: string | false }) => {
  const { field, fieldState, id, isRequired } = useInput({ ...props, format: asIsoDate });
  const { error, invalid } = fieldState;
  return (
    <LocalDateField
      id={id}
      name={field.name}
      inputRef={field.ref}
      value={asIsoDate(field.value)}
      onChange={field.onChange}
      onBlur={field.onBlur}
      disabled={props.disabled || props.readOnly}
      size="small"
      className={`ra-input ra-input-${props.source}`}
      error={invalid}
      helperText={helperText !== false || invalid ? <InputHelperText error={error?.message} helperText={helperText} /> : null}
      label={label !== '' && label !== false ? <FieldTitle label={label} source={props.source} resource={props.resource} isRequired={isRequired} /> : null}
    />
  );
};
