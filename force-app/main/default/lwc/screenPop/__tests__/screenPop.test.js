import { createElement } from 'lwc';
import ScreenPop from 'c/screenPop';
import { focusTab, getAllTabInfo, openTab } from 'lightning/platformWorkspaceApi';
import { encodeDefaultFieldValues } from 'lightning/pageReferenceUtils';
import { subscribe } from 'lightning/messageService';
import screenPopFrame from 'fixtures/panels/screen-pop.json';
import connected from 'fixtures/panels/voice-connected.json';
import held from 'fixtures/panels/voice-held.json';
import offered from 'fixtures/panels/voice-offered.json';
import chatActive from 'fixtures/panels/chat-active.json';
import chatGuest from 'fixtures/panels/chat-conference-guest.json';
import digitalOpen from 'fixtures/panels/digital-open.json';

const interactionOf = (frame) => JSON.parse(JSON.stringify(frame.snapshot.interactions[0]));
/** The recorded screenPop frame's match (Sarah Johnson, a contact at Acme Corporation). */
const [contactMatch] = screenPopFrame.screenPop.matches;
/** A second match of the same shape: a lead of the same name at another company. */
const leadMatch = {
  objectType: 'Lead',
  id: '00Q8d0000000007AAA',
  name: 'Sarah Johnson',
  accountName: null,
  company: 'Globex Ltd'
};
/** The recorded call, connected, with the recorded pop merged in (as the softphone does with the screenPop frame). */
function poppedCall(screenPop = screenPopFrame.screenPop) {
  const call = interactionOf(connected);
  expect(call.id).toBe(screenPopFrame.interactionId);
  return { ...call, screenPop };
}
const ACCOUNT_TAB = {
  tabId: 'tab1',
  recordId: '0018d0000000003AAA',
  title: 'Acme Corporation',
  pageReference: { type: 'standard__recordPage', attributes: { recordId: '0018d0000000003AAA', actionName: 'view' } },
  subtabs: [{ tabId: 'tab2', recordId: '5008d0000000004AAA', title: '00001026', isSubtab: true, subtabs: [] }]
};
const LEAD_TAB = { tabId: 'tab3', recordId: '00Q8d0000000005AAA', title: 'Tom Baker', subtabs: [] };
const USER_TAB = { tabId: 'tab4', recordId: '0058d0000000002AAA', title: 'Emma Clarke', subtabs: [] };
const HOME_TAB = { tabId: 'tab5', title: 'Home', pageReference: { type: 'standard__namedPage' }, subtabs: [] };

// eslint-disable-next-line @lwc/lwc/no-async-operation
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function mount(interaction) {
  const element = createElement('c-screen-pop', { is: ScreenPop });
  element.interaction = interaction;
  const details = [];
  element.addEventListener('details', (event) => details.push(event.detail));
  document.body.appendChild(element);
  return { element, details };
}
const select = (element, labelText) => {
  const label = [...element.shadowRoot.querySelectorAll('label')].find((l) => l.textContent.trim() === labelText);
  return element.shadowRoot.querySelector(`[id="${label.getAttribute('for')}"]`);
};
const optionTexts = (el) => [...el.querySelectorAll('option')].map((o) => o.textContent.trim());
const selectedText = (el) => [...el.querySelectorAll('option')].find((o) => o.selected)?.textContent.trim();
const choose = (el, value) => {
  el.value = value;
  el.dispatchEvent(new CustomEvent('change'));
};
const button = (element, text) =>
  [...element.shadowRoot.querySelectorAll('button')].find((b) => b.textContent.trim().startsWith(text));
/** The listener the component gave Lightning Message Service for a console tab channel. */
const tabListener = (channel) => subscribe.mock.calls.filter((call) => call[1] === channel).at(-1)[2];

describe('c-screen-pop', () => {
  beforeEach(() => {
    getAllTabInfo.mockResolvedValue([]);
  });
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    window.sessionStorage.clear();
    jest.clearAllMocks();
  });

  it('S6 one match: its record opens in a focused tab, once, even after a new snapshot, a re-render or a reload', async () => {
    const { element } = mount(poppedCall());
    await flush();
    expect(openTab).toHaveBeenCalledTimes(1);
    expect(openTab).toHaveBeenCalledWith({ recordId: contactMatch.id, focus: true });
    expect(focusTab).not.toHaveBeenCalled();

    // The agent closes the tab; the next snapshot carries the same pop.
    element.interaction = { ...poppedCall(), details: { ...poppedCall().details, notes: 'called about an order' } };
    await flush();
    // The softphone renders the call again (another panel tab), and the console reloads.
    document.body.removeChild(element);
    const again = mount(poppedCall()).element;
    await flush();
    expect(openTab).toHaveBeenCalledTimes(1);
    // Nothing to pick or create for a single match.
    expect(again.shadowRoot.querySelector('section')).toBeNull();
    expect(button(again, 'Create contact')).toBeUndefined();
    await expect(again).toBeAccessible();
  });

  it('S6 one match already open in a tab (or subtab): that tab is focused, nothing new opens', async () => {
    getAllTabInfo.mockResolvedValue([
      ACCOUNT_TAB,
      {
        tabId: 'tab6',
        recordId: '0018d0000000008AAA',
        title: 'Acme',
        subtabs: [{ tabId: 'tab7', recordId: contactMatch.id.slice(0, 15), title: contactMatch.name, subtabs: [] }]
      }
    ]);
    mount(poppedCall());
    await flush();
    expect(focusTab).toHaveBeenCalledWith('tab7');
    expect(openTab).not.toHaveBeenCalled();
  });

  it('S6 C3 an offered call does not pop; it pops when accepted', async () => {
    const ringing = { ...interactionOf(offered), screenPop: screenPopFrame.screenPop };
    const { element } = mount(ringing);
    await flush();
    expect(openTab).not.toHaveBeenCalled();
    element.interaction = { ...poppedCall() };
    await flush();
    expect(openTab).toHaveBeenCalledWith({ recordId: contactMatch.id, focus: true });
  });

  it('C3 an accepted chat pops its matched record', async () => {
    const chat = { ...interactionOf(chatActive), screenPop: { outcome: 'one', matches: [contactMatch] } };
    mount(chat);
    await flush();
    expect(openTab).toHaveBeenCalledTimes(1);
    expect(openTab).toHaveBeenCalledWith({ recordId: contactMatch.id, focus: true });
  });

  it('S6 several matches: a picker lists name, type and account or company, and opens the one chosen', async () => {
    const { element } = mount(poppedCall({ outcome: 'several', matches: [contactMatch, leadMatch] }));
    await flush();
    expect(openTab).not.toHaveBeenCalled();
    const section = element.shadowRoot.querySelector('section');
    expect(section.querySelector('h3').textContent.trim()).toBe('2 records match this customer. Open the right one:');
    const items = [...section.querySelectorAll('li button')].map((b) =>
      [...b.querySelectorAll('span')].map((s) => s.textContent.trim())
    );
    expect(items).toEqual([
      ['Sarah Johnson', 'Contact · Acme Corporation'],
      ['Sarah Johnson', 'Lead · Globex Ltd']
    ]);
    section.querySelectorAll('li button')[1].click();
    await flush();
    expect(openTab).toHaveBeenCalledTimes(1);
    expect(openTab).toHaveBeenCalledWith({ recordId: leadMatch.id, focus: true });
    // Both are Name options.
    expect(optionTexts(select(element, 'Name'))).toEqual([
      'None',
      'Sarah Johnson · Contact · Acme Corporation',
      'Sarah Johnson · Lead · Globex Ltd'
    ]);
    await expect(element).toBeAccessible();
  });

  it('S6 D5 no match on WhatsApp: Create contact and Create lead open a new record with the number filled in', async () => {
    encodeDefaultFieldValues.mockImplementation((values) =>
      Object.entries(values)
        .map(([field, value]) => `${field}=${encodeURIComponent(value)}`)
        .join(',')
    );
    const { element } = mount({ ...interactionOf(digitalOpen), screenPop: { outcome: 'none', matches: [] } });
    await flush();
    expect(openTab).not.toHaveBeenCalled();
    expect(element.shadowRoot.querySelector('[role="group"] p').textContent.trim()).toBe(
      'No contact or lead matches +14155550199.'
    );
    button(element, 'Create contact').click();
    button(element, 'Create lead').click();
    expect(encodeDefaultFieldValues).toHaveBeenCalledWith({ Phone: '+14155550199' });
    const newRecord = (objectApiName) => ({
      pageReference: {
        type: 'standard__objectPage',
        attributes: { objectApiName, actionName: 'new' },
        state: { defaultFieldValues: 'Phone=%2B14155550199' }
      },
      focus: true
    });
    expect(openTab.mock.calls.map((call) => call[0])).toEqual([newRecord('Contact'), newRecord('Lead')]);
    await expect(element).toBeAccessible();
  });

  it('S6 no match on a chat: the new contact gets the e-mail address, not the visitor id', async () => {
    encodeDefaultFieldValues.mockReturnValue('Email=chris.miller%40example.org');
    const { element } = mount({ ...interactionOf(chatActive), screenPop: { outcome: 'none', matches: [] } });
    await flush();
    expect(element.shadowRoot.textContent).toContain('No contact or lead matches chris.miller@example.org.');
    button(element, 'Create contact').click();
    expect(encodeDefaultFieldValues).toHaveBeenCalledWith({ Email: 'chris.miller@example.org' });
    expect(openTab.mock.calls[0][0].pageReference.state).toEqual({
      defaultFieldValues: 'Email=chris.miller%40example.org'
    });
  });

  it('V13 records open in console tabs become options: contacts and leads for Name, the others for Related To', async () => {
    getAllTabInfo.mockResolvedValue([ACCOUNT_TAB, LEAD_TAB, USER_TAB, HOME_TAB]);
    const { element } = mount(poppedCall());
    await flush();
    expect(optionTexts(select(element, 'Name'))).toEqual([
      'None',
      'Sarah Johnson · Contact · Acme Corporation',
      'Tom Baker · Lead'
    ]);
    expect(optionTexts(select(element, 'Related To'))).toEqual([
      'None',
      'Acme Corporation · Account',
      '00001026 · Case'
    ]);

    // The agent opens an opportunity: the console says so on lightning__tabCreated, then names it.
    const opportunity = { tabId: 'tab8', recordId: '0068d0000000009AAA', title: 'Acme renewal 2026', subtabs: [] };
    getAllTabInfo.mockResolvedValue([ACCOUNT_TAB, LEAD_TAB, USER_TAB, HOME_TAB, opportunity]);
    tabListener('lightning__tabCreated')({ tabId: 'tab8' });
    await flush();
    expect(optionTexts(select(element, 'Related To'))).toContain('Acme renewal 2026 · Opportunity');
    // It closes the lead's tab: lightning__tabClosed.
    getAllTabInfo.mockResolvedValue([ACCOUNT_TAB, opportunity]);
    tabListener('lightning__tabClosed')({ tabId: 'tab3' });
    await flush();
    expect(optionTexts(select(element, 'Name'))).not.toContain('Tom Baker · Lead');
    expect(subscribe.mock.calls.map((call) => call[1]).sort()).toEqual([
      'lightning__tabClosed',
      'lightning__tabCreated',
      'lightning__tabFocused',
      'lightning__tabUpdated'
    ]);
    await expect(element).toBeAccessible();
  });

  it('V13 choosing Name or Related To sends `details`; None clears; the current choice shows as selected', async () => {
    getAllTabInfo.mockResolvedValue([ACCOUNT_TAB]);
    const call = poppedCall();
    const { element, details } = mount(call);
    await flush();
    const name = select(element, 'Name');
    const relatedTo = select(element, 'Related To');
    expect(selectedText(name)).toBe('None');
    choose(name, contactMatch.id);
    choose(relatedTo, '5008d0000000004AAA');
    expect(details).toEqual([
      { interactionId: call.id, whoId: contactMatch.id },
      { interactionId: call.id, whatId: '5008d0000000004AAA' }
    ]);

    // The next snapshot carries the choice.
    element.interaction = {
      ...call,
      details: { ...call.details, whoId: contactMatch.id, whatId: '5008d0000000004AAA' }
    };
    await flush();
    expect(selectedText(name)).toBe('Sarah Johnson · Contact · Acme Corporation');
    expect(selectedText(relatedTo)).toBe('00001026 · Case');
    choose(name, '');
    expect(details.at(-1)).toEqual({ interactionId: call.id, whoId: null });
    await expect(element).toBeAccessible();

    // Another panel tab renders the same snapshot: the choice is selected there too (the 18-character id of the
    // snapshot matches the 15-character one the console gives).
    getAllTabInfo.mockResolvedValue([
      { ...ACCOUNT_TAB, subtabs: [{ ...ACCOUNT_TAB.subtabs[0], recordId: '5008d0000000004' }] }
    ]);
    const other = mount({
      ...call,
      details: { ...call.details, whoId: contactMatch.id, whatId: '5008d0000000004AAA' }
    });
    await flush();
    expect(selectedText(select(other.element, 'Name'))).toBe('Sarah Johnson · Contact · Acme Corporation');
    expect(selectedText(select(other.element, 'Related To'))).toBe('00001026 · Case');
    expect(optionTexts(select(other.element, 'Related To'))).toEqual([
      'None',
      'Acme Corporation · Account',
      '00001026 · Case'
    ]);
  });

  it('V13 V8 a choice made before (earlier, or by the colleague who transferred the call) stays selected', async () => {
    const call = { ...interactionOf(held), details: { ...interactionOf(held).details, whatId: '5008d0000000099AAA' } };
    const { element } = mount(call);
    await flush();
    expect(selectedText(select(element, 'Related To'))).toBe('Record chosen earlier · Case');
  });

  it('D5 a digital conversation: a case open in a tab becomes Related To and choosing it sends `details`', async () => {
    getAllTabInfo.mockResolvedValue([ACCOUNT_TAB]);
    const conversation = interactionOf(digitalOpen);
    const { element, details } = mount(conversation);
    await flush();
    choose(select(element, 'Related To'), '5008d0000000004AAA');
    expect(details).toEqual([{ interactionId: conversation.id, whatId: '5008d0000000004AAA' }]);
    await expect(element).toBeAccessible();
  });

  it('V13 when setDetails is not possible, Name and Related To are disabled and say why', async () => {
    getAllTabInfo.mockResolvedValue([ACCOUNT_TAB]);
    const { element, details } = mount(interactionOf(chatGuest));
    await flush();
    for (const labelText of ['Name', 'Related To']) {
      const el = select(element, labelText);
      expect(el.disabled).toBe(true);
      const reason = element.shadowRoot.querySelector(`[id="${el.getAttribute('aria-describedby')}"]`);
      expect(reason.textContent.trim()).toBe('Only the agent who owns this interaction can do this.');
      choose(el, '0018d0000000003AAA');
    }
    expect(details).toEqual([]);
    await expect(element).toBeAccessible();
  });

  it('S6 V13 what customers and records are called is shown as text, never as markup', async () => {
    const odd = { ...contactMatch, name: '<img src=x onerror=alert(1)> Sarah', accountName: '<b>Acme</b> & Co' };
    const { element } = mount(poppedCall({ outcome: 'several', matches: [odd, leadMatch] }));
    await flush();
    const shadow = element.shadowRoot;
    expect(shadow.querySelector('img, b')).toBeNull();
    expect(shadow.querySelector('li button').textContent).toContain('<img src=x onerror=alert(1)> Sarah');
    expect(optionTexts(select(element, 'Name'))).toContain(
      '<img src=x onerror=alert(1)> Sarah · Contact · <b>Acme</b> & Co'
    );
    await expect(element).toBeAccessible();
  });
});
