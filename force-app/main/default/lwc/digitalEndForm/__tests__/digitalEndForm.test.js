import { createElement } from 'lwc';
import DigitalEndForm from 'c/digitalEndForm';
import switcherFrame from 'fixtures/panels/digital-switcher.json';
import digitalOpen from 'fixtures/panels/digital-open.json';
import wrapUpCodes from 'fixtures/panels/directory-wrap-up-codes.json';
import rejectedDisposition from 'fixtures/panels/rejected-disposition-required.json';
import ack from 'fixtures/panels/ack.json';

const sms = switcherFrame.snapshot.interactions.find((i) => i.channel === 'sms');

function mount(interaction = sms) {
  const element = createElement('c-digital-end-form', { is: DigitalEndForm });
  element.interaction = interaction;
  element.codes = wrapUpCodes.document.codes;
  element.dispositionRequired = true;
  const events = [];
  element.addEventListener('command', (event) => events.push(['command', event.detail]));
  element.addEventListener('details', (event) => events.push(['details', event.detail]));
  element.addEventListener('cancel', () => events.push(['cancel']));
  document.body.appendChild(element);
  return { element, events };
}
const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const flush = () => Promise.resolve().then(() => Promise.resolve());

describe('c-digital-end-form', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('D10 asks for a disposition from the codes of the channel (not voice-only ones), Name, Related To and notes', async () => {
    const { element } = mount();
    await flush();
    const combobox = $(element, 'lightning-combobox');
    const values = combobox.options.map((o) => o.value);
    expect(values).toEqual(['', 'Resolved', 'Information_Provided', 'Follow_Up_Required', 'Escalated', 'Complaint', 'Spam']);
    expect(combobox.required).toBe(true);
    expect($(element, 'c-screen-pop').interaction).toEqual(sms);
    expect($(element, 'textarea')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('D10 Save sends end with the disposition, the Name / Related To chosen and the notes in one go', async () => {
    const { element, events } = mount(digitalOpen.snapshot.interactions[0]);
    await flush();
    $(element, 'lightning-combobox').dispatchEvent(new CustomEvent('change', { detail: { value: 'Information_Provided' } }));
    const notes = $(element, 'textarea');
    notes.value = 'Open 10 to 4 on Sundays';
    notes.dispatchEvent(new CustomEvent('input'));
    $(element, 'button.save').click();
    const [[kind, detail]] = events;
    expect(kind).toBe('command');
    expect(detail).toMatchObject({
      command: 'end',
      interactionId: digitalOpen.snapshot.interactions[0].id,
      args: { disposition: 'Information_Provided', notes: 'Open 10 to 4 on Sundays' }
    });
    detail.resolve(ack);
    await flush();
    expect($(element, '.end-error')).toBeNull();
  });

  it('D10 notes already written are offered for editing; the screen pop’s Name / Related To go up as details', async () => {
    const whatsapp = digitalOpen.snapshot.interactions[0];
    const { element, events } = mount(whatsapp);
    await flush();
    expect($(element, 'textarea').value).toBe(whatsapp.details.notes);
    $(element, 'c-screen-pop').dispatchEvent(
      new CustomEvent('details', { detail: { interactionId: whatsapp.id, whoId: '0038d0000000001AAA' } })
    );
    expect(events).toEqual([['details', { interactionId: whatsapp.id, whoId: '0038d0000000001AAA' }]]);
  });

  it('D10 a refusal (DISPOSITION_REQUIRED) is shown in words next to Save', async () => {
    const { element, events } = mount();
    await flush();
    $(element, 'button.save').click();
    const detail = events[0][1];
    expect(detail.args).toEqual({});
    await flush();
    expect($(element, 'button.save').disabled).toBe(true);
    detail.resolve(rejectedDisposition);
    await flush();
    const error = $(element, '.end-error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toBe(rejectedDisposition.error.message);
    expect($(element, 'button.save').disabled).toBe(false);
    await expect(element).toBeAccessible();
  });

  it('D10 keyboard: the disposition comes first; Escape and Cancel go back without ending', async () => {
    const { element, events } = mount();
    await flush();
    expect($(element, 'section').firstElementChild.nextElementSibling.tagName).toBe('LIGHTNING-COMBOBOX');
    $(element, 'section').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    $(element, 'button.cancel').click();
    expect(events).toEqual([['cancel'], ['cancel']]);
  });
});
