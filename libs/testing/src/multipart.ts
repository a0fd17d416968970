/** A file part for {@link multipartBody}. */
export interface FilePart {
  bytes: Uint8Array;
  filename?: string;
  type?: string;
}

/** A multipart/form-data body as a browser or the app would send it, ready for `inject`. */
export async function multipartBody(
  fields: Record<string, string | FilePart | readonly FilePart[]>,
): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string') {
      form.append(name, value);
      continue;
    }
    for (const file of Array.isArray(value) ? value : [value as FilePart]) {
      const blob = new Blob([file.bytes], { type: file.type ?? 'application/octet-stream' });
      form.append(name, blob, file.filename ?? `${name}.bin`);
    }
  }
  const encoded = new Response(form);
  return {
    payload: Buffer.from(await encoded.arrayBuffer()),
    headers: { 'content-type': encoded.headers.get('content-type') ?? '' },
  };
}
