import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { ContentType } from '../../../types/api';
import { FIELD_LABELS, TYPE_LABELS, type ContentValues } from '../content-fields';

interface Props {
  idPrefix: string;
  types: ContentType[];
  value: ContentValues;
  onChange: (value: ContentValues) => void;
  /** The API's complaint about one field (contentFields.ssid, content), shown under it. */
  fieldError: { field: string; message: string } | null;
}

/** What the code opens: a type, then that type's fields. */
export function ContentForm({ idPrefix, types, value, onChange, fieldError }: Props) {
  const type = types.find((t) => t.type === value.type) ?? types[0];
  const errorFor = (name: string) =>
    fieldError && (fieldError.field === `contentFields.${name}` || (name === 'url' && fieldError.field === 'content'))
      ? fieldError.message
      : undefined;
  return (
    <Stack spacing={2}>
      <TextField
        select
        id={`${idPrefix}-content-type`}
        label="The code opens"
        value={type.type}
        onChange={(e) => onChange({ type: e.target.value, fields: {} })}
      >
        {types.map((t) => (
          <MenuItem key={t.type} value={t.type}>{TYPE_LABELS[t.type] ?? t.type}</MenuItem>
        ))}
      </TextField>
      {[...type.required, ...type.optional].map((name) => (
        <TextField
          key={name}
          id={`${idPrefix}-field-${name}`}
          label={FIELD_LABELS[name] ?? name}
          required={type.required.includes(name)}
          value={value.fields[name] ?? ''}
          multiline={name === 'text' || name === 'body' || name === 'note' || name === 'message'}
          onChange={(e) => onChange({ ...value, fields: { ...value.fields, [name]: e.target.value } })}
          error={Boolean(errorFor(name))}
          helperText={errorFor(name)}
        />
      ))}
    </Stack>
  );
}
