// CSV (RFC 4180: quoted fields, doubled quotes, CRLF or LF) for child files and research mode.

/** Splits CSV (or tab-separated) text into rows of fields. */
export function parseCsv(text, separator = text.includes('\t') && !text.includes(',') ? '\t' : ',') {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); field = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    } else field += c;
  }
  row.push(field);
  if (row.length > 1 || row[0] !== '') rows.push(row);
  return rows;
}

/** A CSV field, quoted when it must be (and when it could start a spreadsheet formula). */
export function csvField(value) {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (/^[=+@\t\r]/.test(s) || (s.startsWith('-') && !/^-\d/.test(s))) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const toCsv = (rows) => `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;

/** Rows with a header line as objects keyed by the (trimmed, lower-case) header names. */
export function csvObjects(text) {
  const [header = [], ...rows] = parseCsv(text);
  const keys = header.map((h) => h.trim().toLowerCase());
  return rows.map((r) => Object.fromEntries(keys.map((k, i) => [k, (r[i] ?? '').trim()])));
}
