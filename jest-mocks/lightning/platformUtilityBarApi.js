// sfdx-lwc-jest ships no mock for the utility bar API; tests assert on these jest.fn()s.
export const getEnclosingUtilityId = jest.fn(() => Promise.resolve('utility-1'));
export const open = jest.fn(() => Promise.resolve(true));
export const minimize = jest.fn(() => Promise.resolve(true));
export const setPanelState = jest.fn(() => Promise.resolve(true));
export const setUtilityLabel = jest.fn(() => Promise.resolve(true));
export const setUtilityHighlighted = jest.fn(() => Promise.resolve(true));
export const setUtilityIcon = jest.fn(() => Promise.resolve(true));
export const setPanelHeaderLabel = jest.fn(() => Promise.resolve(true));
export const setPanelHeaderIcon = jest.fn(() => Promise.resolve(true));
export const setPanelWidth = jest.fn(() => Promise.resolve(true));
export const setPanelHeight = jest.fn(() => Promise.resolve(true));
export const onUtilityClick = jest.fn(() => Promise.resolve(true));
export const toggleModalMode = jest.fn(() => Promise.resolve(true));
