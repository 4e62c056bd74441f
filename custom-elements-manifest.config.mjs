// `npx cem analyze` (run by `npm run build`): writes dist/sdk/custom-elements.json, the manifest
// editors, Storybook and documentation tools read. The API contract is the class JSDoc
// (@summary @event @slot @csspart @cssproperty) and the Lit properties.

/** Our elements are registered with defineElement('gp-x', Class) (safe to load twice), not customElements.define. */
function defineElementPlugin() {
  const definitions = [];
  return {
    name: 'gp-define-element',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || node.expression.getText() !== 'defineElement') return;
      const [tag, cls] = node.arguments;
      if (!tag || !cls || !ts.isStringLiteral(tag)) return;
      definitions.push({ tagName: tag.text, className: cls.getText() });
      moduleDoc.exports ??= [];
      moduleDoc.exports.push({ kind: 'custom-element-definition', name: tag.text, declaration: { name: cls.getText(), module: moduleDoc.path } });
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const { tagName, className } of definitions) {
        for (const module of customElementsManifest.modules) {
          const declaration = module.declarations?.find((d) => d.kind === 'class' && d.name === className);
          if (!declaration) continue;
          declaration.tagName = tagName;
          declaration.customElement = true;
          // The analyzer also guesses events from `new GpXxxEvent('reason')` arguments: keep the documented gp-* ones.
          const seen = new Set();
          declaration.events = (declaration.events ?? []).filter((e) => e.name?.startsWith('gp-') && !seen.has(e.name) && seen.add(e.name));
          // Point the definition at the module that declares the class.
          for (const m of customElementsManifest.modules) {
            for (const e of m.exports ?? []) {
              if (e.kind === 'custom-element-definition' && e.name === tagName) e.declaration.module = module.path;
            }
          }
        }
      }
    },
  };
}

export default {
  globs: ['widgets/components/**/*.ts'],
  exclude: ['widgets/components/**/*.styles.ts', 'widgets/components/**/*.terms.*.ts'],
  outdir: 'dist/sdk',
  litelement: true,
  plugins: [defineElementPlugin()],
};
