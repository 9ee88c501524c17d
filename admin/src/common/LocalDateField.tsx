import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import { IconButton, InputAdornment, TextField, type TextFieldProps } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';

export type LocalDateFieldProps = Omit<TextFieldProps, 'type' | 'value' | 'onChange' | 'defaultValue'> & {
  /** The date as YYYY-MM-DD, or '' for none. */
  value: string;
  /** Called with YYYY-MM-DD once the text is a real date, or '' when it is emptied. */
  onChange: (isoDate: string) => void;
  /**
   * Called instead of onChange while the typed text is not a real date (2025/2/30). Without it the caller keeps
   * its last valid date: a mistyped day must never silently become "no date". A form input passes the text on
   * so its validation can refuse it, and hands it back as `value` (kept as typed, see isIsoDate).
   */
  onInvalidText?: (text: string) => void;
};

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;

/** 'YYYY-MM-DD' of a typed year/month/day text when it names a real day (2025/2/30 does not), else null. */
export function parseLocalDate(text: string): string | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Whether a value is a date this field stores (YYYY-MM-DD); any other non-empty value is a reported invalid text. */
export const isIsoDate = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value) && parseLocalDate(value) === value;

/** How a Chinese reader writes a date: 2025/10/03. */
const chineseText = (iso: string): string => iso.replaceAll('-', '/');

/**
 * A date input in the console's language. Chromium formats `<input type="date">` by the browser's own language,
 * not the page's (neither `lang` nor the console's language changes it), so a Chinese console in an English
 * browser showed mm/dd/yyyy. In English this is the native date input; in Chinese a text field in 年/月/日 order
 * (2025/10/03; "-" and "." are accepted too) with a button that opens the browser's date picker.
 */
export const LocalDateField = ({ value, onChange, onInvalidText, slotProps, ...props }: LocalDateFieldProps) => {
  const [locale] = useLocaleState();
  if (locale !== 'zh') return <TextField {...props} type="date" value={isIsoDate(value) ? value : ''} onChange={(e) => onChange(e.target.value)} slotProps={{ ...slotProps, inputLabel: { shrink: true, ...slotProps?.inputLabel } }} />;
  return <ChineseDateField {...props} value={value} onChange={onChange} onInvalidText={onInvalidText} slotProps={slotProps} />;
};

const ChineseDateField = ({ value, onChange, onInvalidText, slotProps, error, helperText, disabled, ...props }: LocalDateFieldProps) => {
  const translate = useTranslate();
  const date = isIsoDate(value) ? value : '';
  const [text, setText] = useState(date ? chineseText(date) : value);
  const picker = useRef<HTMLInputElement>(null);
  // A date set from outside (a reset, the picker) replaces what is typed, unless the typed text already means it.
  // An invalid text handed back by a form (see onInvalidText) is what was typed: leave it.
  useEffect(() => {
    if (value !== '' && !isIsoDate(value)) return;
    setText((typed) => (parseLocalDate(typed) === (value || null) ? typed : value ? chineseText(value) : ''));
  }, [value]);
  const invalid = text.trim() !== '' && parseLocalDate(text) === null;
  const type = (next: string) => {
    setText(next);
    const iso = parseLocalDate(next);
    if (iso !== null || next.trim() === '') onChange(iso ?? '');
    else onInvalidText?.(next);
  };
  const htmlInput = slotProps?.htmlInput as Record<string, unknown> | undefined;
  return (
    <TextField
      {...props}
      type="text"
      value={text}
      disabled={disabled}
      onChange={(e) => type(e.target.value)}
      error={error || invalid}
      helperText={invalid ? translate('app.date_field.invalid') : helperText}
      placeholder={translate('app.date_field.placeholder')}
      slotProps={{
        ...slotProps,
        inputLabel: { shrink: true, ...(slotProps?.inputLabel as object | undefined) },
        htmlInput: { inputMode: 'numeric', ...htmlInput },
        input: {
          endAdornment: (
            <InputAdornment position="end">
              {/* The browser's picker on a hidden native input: choosing a day there sets the field. */}
              <input
                ref={picker}
                type="date"
                tabIndex={-1}
                aria-hidden
                value={date}
                onChange={(e) => type(e.target.value ? chineseText(e.target.value) : '')}
                style={{ position: 'absolute', width: 0, height: 0, opacity: 0, border: 0, padding: 0 }}
              />
              <IconButton size="small" edge="end" disabled={disabled} aria-label={translate('app.date_field.pick')} onClick={() => picker.current?.showPicker?.()}>
                <CalendarMonthIcon fontSize="small" />
              </IconButton>
            </InputAdornment>
          ),
        },
      }}
    />
  );
};
