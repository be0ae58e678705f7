// Components' tests read the English Custom Labels, as an agent with an English org would: every label of
// labels/*.json stands in for `@salesforce/label/c.<name>` (sfdx-lwc-jest would give the string "c.<name>").
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = join(__dirname, 'labels');
for (const file of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
  const { labels } = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  // "mock" prefix: jest lets a mock factory read only such variables.
  for (const [name, mockLabel] of Object.entries(labels)) {
    jest.mock(`@salesforce/label/c.${name}`, () => ({ __esModule: true, default: mockLabel.en }), { virtual: true });
  }
}
