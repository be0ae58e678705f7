// Types for the platform modules the panels import; the org provides them at run time, jest mocks them in tests.
declare module 'lightning/platformUtilityBarApi' {
  export function setUtilityLabel(options: { label: string; utilityId?: string }): Promise<boolean>;
  export function setUtilityHighlighted(options: { highlighted: boolean; utilityId?: string }): Promise<boolean>;
  export function getEnclosingUtilityId(): Promise<string>;
  export function open(utilityId?: string): Promise<boolean>;
  export function minimize(utilityId?: string): Promise<boolean>;
}

declare module '@salesforce/label/c.*' {
  const label: string;
  export default label;
}
