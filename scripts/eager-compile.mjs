// The browsers' JavaScript rewritten so that V8 compiles its functions while it parses the script, not on each
// function's first call. V8 parses a script's functions lazily: each is compiled on the page's main thread the
// first time it runs. A function expression right after an opening parenthesis (`(function`) is one V8 expects to
// be called at once, and compiles with the script; for a module that arrives from the network, that is on the
// background thread that parses it while it downloads. Every function of the package's browser entries runs on
// the first `calculation` (the glue, createApi and its answer), so each is written that way:
// - `function f(…) {…}` becomes `var f=(function f(…){…});` at the top of the same scope, where the declaration
//   was hoisted to, so it exists as early as before;
// - an arrow function becomes `(function(…){…})` unless it reads `this`, `arguments`, `super` or `new.target`;
// - any other function expression gains the parentheses.
// Methods (classes, object literals) stay as they are. esbuild, which minifies the package and many integrators'
// bundles, keeps these parentheses. Cold start in Chromium, throttled 4x, is in docs/speed-and-size.md.
import { parse } from 'acorn';
import { ancestor, base, recursive, simple } from 'acorn-walk';

const options = { ecmaVersion: 'latest', sourceType: 'module' };

/** Whether arrow function `fn` uses what a `function` would bind anew: `this`, `arguments`, `super`, `new.target`. */
function bindsLexically(fn) {
  let uses = false;
  const seen = () => { uses = true; };
  // Into nested arrow functions, which share them, and not into other functions.
  recursive(fn, null, { Function(node, state, c) { if (node.type === 'ArrowFunctionExpression') base.Function(node, state, c); },
    ThisExpression: seen, Super: seen, MetaProperty: seen, Identifier(node) { if (node.name === 'arguments') uses = true; } });
  return uses;
}

/** The names that assigning to `target` (an identifier or a destructuring pattern) sets, pushed onto `names`. */
function targets(target, names) {
  if (target === null) return;
  if (target.type === 'Identifier') names.push(target);
  else if (target.type === 'ObjectPattern') for (const p of target.properties) targets(p.type === 'RestElement' ? p.argument : p.value, names);
  else if (target.type === 'ArrayPattern') for (const e of target.elements) targets(e, names);
  else if (target.type === 'RestElement') targets(target.argument, names);
  else if (target.type === 'AssignmentPattern') targets(target.left, names);
}

/** ES module `code` with its functions in the form V8 compiles with the script (above); throws if it cannot parse. */
export function eagerCompile(code) {
  const ast = parse(code, options);
  // A declaration whose name is assigned to in its scope stays one: the expression's own name inside it would not
  // follow the assignment. (Assignments to the same name in scopes nested in it count too, which only leaves more.)
  const assignments = [];
  simple(ast, { AssignmentExpression(n) { targets(n.left, assignments); }, UpdateExpression(n) { targets(n.argument, assignments); },
    ForInStatement(n) { targets(n.left, assignments); }, ForOfStatement(n) { targets(n.left, assignments); } });
  const assigned = (name, scope) => assignments.some((id) => id.name === name && id.start >= scope.start && id.end <= scope.end);
  const edits = [];
  /** The declarations among the statements of `scope` (a program or a function body), moved to `at`, after any directive prologue. */
  const hoist = (scope, at) => {
    const moved = [];
    for (const s of scope.body) {
      if (s.type === 'ExpressionStatement' && s.directive !== undefined && moved.length === 0) at = s.end;
      else if (s.type === 'FunctionDeclaration' && !assigned(s.id.name, scope)) moved.push(s);
    }
    for (const s of moved) edits.push({ kind: 'drop', node: s });
    if (moved.length > 0) edits.push({ kind: 'declare', node: { start: at, end: at }, moved });
  };
  const inParentheses = (n) => {
    let i = n.start - 1, j = n.end;
    while (/\s/.test(code[i])) i--;
    while (/\s/.test(code[j])) j++;
    return code[i] === '(' && code[j] === ')';
  };
  hoist(ast, 0);
  ancestor(ast, {
    Function(n, _, ancestors) {
      if (n.body.type === 'BlockStatement') hoist(n.body, n.body.start + 1);
      const parent = ancestors[ancestors.length - 2];
      if (n.type === 'FunctionExpression') {
        const method = parent.type === 'MethodDefinition' || (parent.type === 'Property' && (parent.method || parent.kind !== 'init'));
        if (!method && !inParentheses(n)) edits.push({ kind: 'wrap', node: n });
      } else if (n.type === 'ArrowFunctionExpression' && !bindsLexically(n)) {
        edits.push({ kind: 'arrow', node: n });
      }
    },
  });
  // By position; an insertion before what starts there; an enclosing function before what it encloses.
  edits.sort((a, b) => a.node.start - b.node.start || (b.kind === 'declare') - (a.kind === 'declare') || b.node.end - a.node.end);

  /** The text of [from, to) with the edits inside it applied, leaving out `self` (the edit being written). */
  const text = (from, to, self = null) => {
    let out = '', at = from;
    for (let i = 0; i < edits.length; i++) {
      const edit = edits[i], { node } = edit;
      if (edit === self || node.start < at) continue;
      if (node.start >= to) break;
      if (node.end > to) continue;
      out += code.slice(at, node.start);
      if (edit.kind === 'declare') {
        out += edit.moved.map((d) => `var ${d.id.name}=(${d.async ? 'async ' : ''}function${d.generator ? '*' : ''} ${d.id.name}(${params(d)})${text(d.body.start, d.body.end)});`).join('');
        at = node.start;
        continue;
      }
      if (edit.kind === 'wrap') out += `(${text(node.start, node.end, edit)})`;
      else if (edit.kind === 'arrow') {
        const body = node.expression ? `{return ${text(node.body.start, node.body.end)}}` : text(node.body.start, node.body.end);
        out += `(${node.async ? 'async ' : ''}function(${params(node)})${body})`;
      }
      at = node.end;
      // What this edit encloses was written with it.
      while (i + 1 < edits.length && edits[i + 1].node.start < node.end) i++;
    }
    return out + code.slice(at, to);
  };
  const params = (fn) => (fn.params.length === 0 ? '' : text(fn.params[0].start, fn.params[fn.params.length - 1].end));
  const out = text(0, code.length);
  parse(out, options);
  return out;
}
