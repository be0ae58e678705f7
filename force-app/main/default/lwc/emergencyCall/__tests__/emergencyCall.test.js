import { createElement } from 'lwc';
import EmergencyCall from 'c/emergencyCall';
import emergencyNumbers from 'fixtures/panels/directory-emergency-numbers.json';

function mount(document_) {
  const element = createElement('c-emergency-call', { is: EmergencyCall });
  element.emergencyNumbers = document_;
  const sent = [];
  element.addEventListener('command', (event) => sent.push(event.detail));
  document.body.appendChild(element);
  return { element, sent };
}

describe('c-emergency-call', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('V10 one immediate call button per emergency number of the directory; pressing dials it at once', async () => {
    const { element, sent } = mount(emergencyNumbers.document);
    await Promise.resolve();
    const buttons = [...element.shadowRoot.querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent.trim())).toEqual(['Emergency 911', 'Emergency 933']);
    expect(buttons.every((b) => !b.disabled)).toBe(true);
    expect(element.shadowRoot.textContent).toContain('Calls at once, whatever your status.');
    buttons[0].click();
    expect(sent).toEqual([{ command: 'dial', args: { interactionId: expect.stringMatching(/^voice-/), number: '911' } }]);
    await expect(element).toBeAccessible();
  });

  it('V10 no directory, no buttons', async () => {
    const { element } = mount(null);
    await Promise.resolve();
    expect(element.shadowRoot.querySelector('button')).toBeNull();
  });
});
