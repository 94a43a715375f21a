// Local ESLint rule: imports point inward only (taskpane, cli → workbook → domain).
// domain/ imports nothing outside itself, not even npm packages or Node built-ins.
'use strict';
const path = require('path');

const SRC = path.resolve(__dirname, '..', 'src');
const LAYERS = ['domain', 'workbook', 'taskpane', 'cli'];
/** Which layers each layer may import from. */
const ALLOWED = {
  domain: ['domain'],
  workbook: ['domain', 'workbook'],
  taskpane: ['domain', 'workbook', 'taskpane'],
  cli: ['domain', 'workbook', 'cli'],
};

function layerOf(file) {
  const rel = path.relative(SRC, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const top = rel.split(path.sep)[0];
  return LAYERS.includes(top) ? top : null;
}

module.exports = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep the layers pointing inward: taskpane, cli → workbook → domain.' },
    schema: [],
    messages: {
      outward: '{{from}}/ may not import from {{to}}/ ({{source}}): imports point inward only.',
      domainPackage: 'domain/ must stay pure TypeScript: it may not import "{{source}}".',
    },
  },
  create(context) {
    const file = context.filename ?? context.getFilename();
    const from = layerOf(file);
    if (!from) return {};
    function check(node, source) {
      if (typeof source !== 'string') return;
      if (source.startsWith('.')) {
        const to = layerOf(path.resolve(path.dirname(file), source));
        if (to && !ALLOWED[from].includes(to)) {
          context.report({ node, messageId: 'outward', data: { from, to, source } });
        } else if (!to && from === 'domain') {
          context.report({ node, messageId: 'domainPackage', data: { source } });
        }
      } else if (from === 'domain') {
        context.report({ node, messageId: 'domainPackage', data: { source } });
      }
    }
    return {
      // Type-only imports are checked like any other: the domain must not know the adapters' types either.
      ImportDeclaration(node) {
        check(node, node.source.value);
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node, node.source.value);
      },
      ExportAllDeclaration(node) {
        check(node, node.source.value);
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node, node.source.value);
      },
      // TypeScript's own forms: `import fs = require('fs')` and `type T = import('fs').Stats`.
      TSExternalModuleReference(node) {
        if (node.expression.type === 'Literal') check(node, node.expression.value);
      },
      TSImportType(node) {
        // typescript-eslint 8 has `source`; older versions only `argument` (a TSLiteralType).
        const literal = node.source ?? node.argument?.literal;
        if (literal && literal.type === 'Literal') check(node, literal.value);
      },
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
          check(node, node.arguments[0].value);
        }
      },
    };
  },
};
