// Adds `await expect(element).toBeAccessible()` to every LWC test.
const { registerSa11yMatcher } = require('@sa11y/jest');
registerSa11yMatcher();
