// Just enough of a spreadsheet formula to run the examples: `=NAME(arg, ...)` whose arguments are text ("..."),
// numbers, cell references (A2), ranges (A2:B9) and array literals ({1; 2} a column, {1, 2} a row).

/** Splits `text` at `sep` outside quotes and braces. */
function split(text, sep) {
  const parts = [];
  let depth = 0, quoted = false, start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '{') depth++;
    else if (!quoted && ch === '}') depth--;
    else if (!quoted && depth === 0 && ch === sep) { parts.push(text.slice(start, i).trim()); start = i + 1; }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

/** `{ name, args }` of a formula; `cell(row, col)` (0-based) gives a cell's value, `literal(text)` a quoted text's. */
export function parseFormula(formula, cell = () => { throw new Error('no cells'); }, literal = (t) => t) {
  const [, name, inner] = /^=([A-Z_.]+)\((.*)\)$/.exec(formula);
  const col = (letter) => letter.charCodeAt(0) - 65;
  const value = (a) => {
    let m;
    if ((m = /^"(.*)"$/.exec(a))) return literal(m[1]);
    if ((m = /^\{(.*)\}$/.exec(a))) return split(m[1], ';').map((row) => split(row, ',').map(value));
    if ((m = /^([A-Z])(\d+):([A-Z])(\d+)$/.exec(a))) {
      const out = [];
      for (let r = Number(m[2]) - 1; r <= Number(m[4]) - 1; r++) {
        const line = [];
        for (let c = col(m[1]); c <= col(m[3]); c++) line.push(cell(r, c));
        out.push(line);
      }
      return out;
    }
    if ((m = /^([A-Z])(\d+)$/.exec(a))) return cell(Number(m[2]) - 1, col(m[1]));
    if (!Number.isFinite(Number(a)) || a === '') throw new Error(`unknown argument ${a}`);
    return Number(a);
  };
  return { name, args: split(inner, ',').map(value) };
}
