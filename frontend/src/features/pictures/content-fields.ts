import type { ContentType } from '../../types/api';

/** Labels for the structured content types and their fields. */
export const TYPE_LABELS: Record<string, string> = {
  url: 'Link',
  text: 'Text',
  wifi: 'Wi-Fi',
  contact: 'Contact',
  email: 'E-mail',
  phone: 'Phone',
  sms: 'SMS',
  geo: 'Location',
};

export const FIELD_LABELS: Record<string, string> = {
  url: 'Link',
  text: 'Text',
  ssid: 'Network name',
  password: 'Password',
  security: 'Security (WPA, WEP or nopass)',
  hidden: 'Hidden network (true or false)',
  name: 'Name',
  organization: 'Organization',
  title: 'Title',
  phone: 'Phone',
  email: 'E-mail',
  address: 'Address',
  note: 'Note',
  to: 'To',
  subject: 'Subject',
  body: 'Message',
  number: 'Number',
  message: 'Message',
  latitude: 'Latitude',
  longitude: 'Longitude',
  query: 'Place name',
};

export interface ContentValues {
  type: string;
  fields: Record<string, string>;
}

/** The form fields the API takes for this content: plain `content` for a link, else `contentFields`. */
export function contentParts(values: ContentValues): Record<string, string> {
  if (values.type === 'url') return { content: (values.fields.url ?? '').trim() };
  const fields: Record<string, string> = { type: values.type };
  for (const [name, value] of Object.entries(values.fields)) {
    if (value.trim() !== '') fields[name] = value;
  }
  return { contentFields: JSON.stringify(fields) };
}

/** The first required field of the type left empty, if any. */
export function missingField(values: ContentValues, types: ContentType[]): string | null {
  const type = types.find((t) => t.type === values.type);
  return type?.required.find((name) => (values.fields[name] ?? '').trim() === '') ?? null;
}
