// clickToDial on a record page (V12): the record comes from getRecord (sfdx-lwc-jest's test wire adapter, emitted as
// lwc-recipes do), and what it asks of the softphone goes out on Softphone_Dial__c (sfdx-lwc-jest's
// lightning/messageService stubs).
// The test drives sfdx-lwc-jest's test wire adapter directly (getRecord.emit / .error), as lwc-recipes' tests do.
/* eslint-disable @lwc/lwc/no-unexpected-wire-adapter-usages */
/* global __dirname */
import { createElement } from 'lwc';
import ClickToDial, { DIAL_FIELDS, dialRequestOf } from 'c/clickToDial';
import { getRecord } from 'lightning/uiRecordApi';
import { publish } from 'lightning/messageService';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const CHANNEL = 'Softphone_Dial__c'; // sfdx-lwc-jest resolves a message channel import to its name
const CONTACT_ID = '0038d00000000001AAA';

const flush = () => Promise.resolve().then(() => Promise.resolve());

/** A getRecord answer as Lightning Data Service gives it: each field with its value and display value. */
const record = (fields) => ({
  apiName: 'Contact',
  id: CONTACT_ID,
  fields: Object.fromEntries(
    Object.entries(fields).map(([name, value]) => [name, { value, displayValue: value }])
  )
});

function mount(props = {}) {
  const element = createElement('c-click-to-dial', { is: ClickToDial });
  Object.assign(element, { recordId: CONTACT_ID, objectApiName: 'Contact', ...props });
  document.body.appendChild(element);
  return element;
}
const buttons = (element) => [...element.shadowRoot.querySelectorAll('button')];
const published = () =>
  publish.mock.calls.map(([, channel, message]) => {
    expect(channel).toBe(CHANNEL);
    return message;
  });

describe('c-click-to-dial', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  it("V12 reads the admin's phone fields of the page's record and shows each number that is set as Call <number>", async () => {
    const element = mount({ phoneFields: ' MobilePhone, Phone ,HomePhone,Bad Field' });
    await flush();
    expect(getRecord.getLastConfig()).toEqual({
      recordId: CONTACT_ID,
      optionalFields: ['Contact.MobilePhone', 'Contact.Phone', 'Contact.HomePhone']
    });
    getRecord.emit(record({ Phone: '+1 415 555 0134', MobilePhone: '(415) 555-0199', HomePhone: null }));
    await flush();
    expect(buttons(element).map((b) => b.textContent.trim())).toEqual(['Call (415) 555-0199', 'Call +1 415 555 0134']);
    expect(element.shadowRoot.querySelector('lightning-card').title).toBe('Call with Open Softphone');
    await expect(element).toBeAccessible();
  });

  it('V12 empty fields are not shown; a record with no number says so', async () => {
    const element = mount();
    getRecord.emit(record({ Phone: '   ', MobilePhone: '' }));
    await flush();
    expect(buttons(element)).toEqual([]);
    expect(element.shadowRoot.textContent).toContain('This record has no phone number to call.');
    await expect(element).toBeAccessible();
  });

  it('V12 a record that cannot be read says so, as an alert', async () => {
    const element = mount();
    getRecord.error();
    await flush();
    expect(element.shadowRoot.querySelector('[role="alert"]').textContent).toBe(
      'The phone numbers could not be read. Reload the page to try again.'
    );
    await expect(element).toBeAccessible();
  });

  it('V12 a press publishes {number, recordId, source: clickToDial} on Softphone_Dial and says the softphone took it', async () => {
    const element = mount();
    getRecord.emit(record({ Phone: '+1 415 555 0134', MobilePhone: '(415) 555-0199' }));
    await flush();
    buttons(element)[1].click();
    await flush();
    expect(published()).toEqual([{ number: '(415) 555-0199', recordId: CONTACT_ID, source: 'clickToDial' }]);
    expect(dialRequestOf(published()[0])).toEqual(published()[0]);
    expect(element.shadowRoot.querySelector('[role="status"]').textContent).toBe(
      'Calling (415) 555-0199: follow the call in the softphone.'
    );
    await expect(element).toBeAccessible();
  });

  it('V12 keyboard: each number is a real button in the tab order; Enter or Space on it calls', async () => {
    const element = mount();
    getRecord.emit(record({ Phone: '+1 415 555 0134', MobilePhone: '(415) 555-0199' }));
    await flush();
    for (const button of buttons(element)) {
      expect(button.type).toBe('button');
      expect(button.tabIndex).toBe(0);
      expect(button.disabled).toBe(false);
    }
    const [first] = buttons(element);
    first.focus();
    expect(element.shadowRoot.activeElement).toBe(first);
    first.click(); // what Enter or Space on a focused button does
    expect(published()).toEqual([{ number: '+1 415 555 0134', recordId: CONTACT_ID, source: 'clickToDial' }]);
    await expect(element).toBeAccessible();
  });

  it('V12 a field value is text: <img src=x onerror=alert(1)> shows literally', async () => {
    const element = mount();
    const hostile = '<img src=x onerror=alert(1)>';
    getRecord.emit(record({ Phone: hostile }));
    await flush();
    expect(element.shadowRoot.querySelector('img')).toBeNull();
    expect(buttons(element)[0].textContent.trim()).toBe(`Call ${hostile}`);
    buttons(element)[0].click();
    expect(published()[0].number).toBe(hostile); // the connector refuses it as INVALID_NUMBER, the softphone says so
    await expect(element).toBeAccessible();
  });

  it("V12 the channel's fields are the request's, and only a clickToDial request with a number is one", () => {
    const meta = readFileSync(
      join(__dirname, '../../../messageChannels/Softphone_Dial.messageChannel-meta.xml'),
      'utf8'
    );
    expect([...meta.matchAll(/<fieldName>(\w+)<\/fieldName>/g)].map((m) => m[1])).toEqual([...DIAL_FIELDS]);
    expect(meta).toContain('<isExposed>true</isExposed>');
    expect(dialRequestOf({ number: ' 4155550134 ', source: 'clickToDial' })).toEqual({
      number: '4155550134',
      source: 'clickToDial'
    });
    for (const message of [null, 'text', { number: '', source: 'clickToDial' }, { number: '1', source: 'keypad' }])
      expect(dialRequestOf(message)).toBeNull();
  });
});
