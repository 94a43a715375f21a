// Local ESLint rule: no import cycles among the project's own modules (src/ by default).
// The whole import graph is read once per run (relative imports, exports-from, import(),
// type-only ones too: a cycle of types is still two modules that cannot be read apart), its
// strongly connected components found (Tarjan), and every import of the linted file that stays
// inside its file's component is reported with the cycle it closes.
'use strict';
const fs = require('fs');
const path = require('path');

const DEFAULT_ROOT = path.resolve(__dirname, '..', 'src');
const EXTENSIONS = ['', '.ts', '.tsx', '.js', '/index.ts', '/index.tsx', '/index.js'];
const IMPORT = /(?:^|[^.\w$])(?:import|export)\s+(?:type\s+)?(?:[\w$*{}\s,]*?\s+from\s+)?['"](\.[^'"]*)['"]|import\(\s*(?:\/\*[\s\S]*?\*\/\s*)?['"](\.[^'"]*)['"]\s*\)/g;

/** A relative import resolved to a file, or null. */
function resolve(from, spec) {
  const base = path.resolve(path.dirname(from), spec);
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return null;
}

function sourceFiles(root) {
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|tsx|js)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
    }
  };
  walk(root);
  return out;
}

/** The relative imports of a file's text, comments left out. */
function importsOf(file, text) {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const deps = new Set();
  for (const m of code.matchAll(IMPORT)) {
    const target = resolve(file, m[1] ?? m[2]);
    if (target) deps.add(target);
  }
  return deps;
}

/** File → id of its strongly connected component (only components of two or more files). */
function components(root) {
  const graph = new Map();
  for (const f of sourceFiles(root)) graph.set(f, importsOf(f, fs.readFileSync(f, 'utf8')));
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const component = new Map();
  const members = new Map();
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      const c = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        c.push(w);
      } while (w !== v);
      if (c.length > 1) {
        for (const f of c) component.set(f, v);
        members.set(v, c);
      }
    }
  };
  for (const f of graph.keys()) if (!index.has(f)) visit(f);
  return { component, members };
}

const cache = new Map();

module.exports = {
  meta: {
    type: 'problem',
    docs: { description: 'No import cycles among the project’s modules.' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: { cycle: 'Import cycle: {{source}} leads back to this file ({{files}}). Move what both need into a module of its own.' },
  },
  create(context) {
    const root = path.resolve(context.options[0]?.root ?? DEFAULT_ROOT);
    const file = context.filename ?? context.getFilename();
    const rel = path.relative(root, file);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return {};
    if (!cache.has(root)) cache.set(root, components(root));
    const { component, members } = cache.get(root);
    const mine = component.get(path.resolve(file));
    if (mine === undefined) return {};
    const files = members.get(mine).map((f) => path.relative(root, f)).sort().join(' ↔ ');
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = resolve(file, source);
      if (target && component.get(target) === mine) context.report({ node, messageId: 'cycle', data: { source, files } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
