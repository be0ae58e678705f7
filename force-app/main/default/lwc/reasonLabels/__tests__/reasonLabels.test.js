// reasonText turns the connector's labelKey into the Custom Label's text. Every Reason label reads here as "c.<name>",
// sfdx-lwc-jest's own stand-in: one distinct value per label, so a key wired to the wrong import shows.
import reasons from '../../../../../../labels/reasons.json';
import voiceHeld from 'fixtures/panels/voice-held.json';
import rejectedOnHold from 'fixtures/panels/rejected-call-on-hold.json';

for (const mockName of Object.keys(reasons.labels)) {
  jest.mock(`@salesforce/label/c.${mockName}`, () => ({ __esModule: true, default: `c.${mockName}` }), {
    virtual: true
  });
}

describe('reasonText', () => {
  // Loaded after the mocks: a static import would be hoisted above them.
  let reasonText;
  beforeAll(async () => {
    ({ reasonText } = await import('c/reasonLabels'));
  });

  it('gives the label a known labelKey names, for every Reason label', () => {
    for (const name of Object.keys(reasons.labels))
      expect({ name, text: reasonText(name) }).toEqual({ name, text: `c.${name}` });
  });

  it('V3 a held call: the disabled End and the refused command say why, from the frames the connector sends', () => {
    const end = voiceHeld.snapshot.interactions.flatMap((i) => i.commands).find((c) => c.command === 'end');
    expect(end).toMatchObject({ enabled: false, labelKey: 'Reason_CallOnHold' });
    expect(reasonText(end.labelKey)).toBe('c.Reason_CallOnHold');
    expect(reasonText(rejectedOnHold.error.labelKey)).toBe('c.Reason_CallOnHold');
  });

  it('an unknown, missing or inherited key gives the generic fallback', () => {
    for (const key of ['Reason_FromANewerConnector', '', undefined, null, 'toString', '__proto__', 'constructor']) {
      expect({ key, text: reasonText(key) }).toEqual({ key, text: 'c.Reason_Unknown' });
    }
  });
});
