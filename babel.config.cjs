// Used by jest for the connector project: strip TypeScript, keep Node's CommonJS.
module.exports = {
  presets: [['@babel/preset-env', { targets: { node: 'current' } }], '@babel/preset-typescript']
};
