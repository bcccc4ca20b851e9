import { apiPostForm } from '../../../lib/api-client';
import type { Accepted } from '../../../types/api';

/** Which upload endpoint: make the picture carry a code, or fix the code in it. */
export type UploadKind = 'pictures' | 'repairs';

/** Posts the picture and its text fields as a browser form does; the answer is a job like a generation. */
export function uploadPicture(kind: UploadKind, file: Blob, fileName: string, fields: Record<string, string>): Promise<Accepted> {
  const form = new FormData();
  form.append('image', file, fileName);
  for (const [name, value] of Object.entries(fields)) {
    if (value !== '') form.append(name, value);
  }
  return apiPostForm<Accepted>(`/api/v1/${kind}`, form);
}
