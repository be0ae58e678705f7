import { createElement } from 'lwc';
import { openTab } from 'lightning/platformWorkspaceApi';
import ContactHistory from 'c/contactHistory';
import returning from 'fixtures/panels/chat-returning.json';
import earlierNotes from 'fixtures/panels/digital-earlier-notes.json';
import agents from 'fixtures/panels/directory-agents.json';

const chat = returning.snapshot.interactions.find((i) => i.channel === 'chat');
function mount(history, withAgents = true) {
  const element = createElement('c-contact-history', { is: ContactHistory });
  element.history = history;
  if (withAgents) element.agents = agents.document.agents;
  document.body.appendChild(element);
  return element;
}
const rows = (element) =>
  [...element.shadowRoot.querySelectorAll('li')].map((li) => ({
    channel: li.querySelector('.channel').textContent,
    agent: li.querySelector('.agent').textContent,
    dispositions: li.querySelector('.dispositions').textContent.trim(),
    when: li.querySelector('lightning-formatted-date-time').value
  }));

describe('c-contact-history', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    openTab.mockClear();
  });

  it('C16 the finished chat appears in the returning customer’s history: when, channel, agent, dispositions', async () => {
    const element = mount(chat.history);
    await Promise.resolve();
    expect(rows(element)).toEqual([
      { channel: 'Chat', agent: 'Emma Clarke', dispositions: 'Information_Provided, Complaint', when: chat.history[0].endedAt }
    ]);
    await expect(element).toBeAccessible();
  });

  it('C16 newest first across channels; an agent not in the directory and no disposition say so', async () => {
    const email = earlierNotes.snapshot.interactions.find((i) => i.channel === 'email').history;
    const sms = earlierNotes.snapshot.interactions.find((i) => i.channel === 'sms').history;
    const element = mount([...chat.history, ...email, ...sms], false);
    await Promise.resolve();
    const shown = rows(element);
    const times = shown.map((r) => r.when);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(shown.map((r) => r.agent)).toEqual(shown.map(() => 'Another agent'));
    const names = { voice: 'Call', chat: 'Chat', email: 'E-mail', sms: 'SMS' };
    const given = [...chat.history, ...email, ...sms].sort((a, b) => b.endedAt - a.endedAt);
    expect(shown.map((r) => r.channel)).toEqual(given.map((h) => names[h.channel]));
    expect(shown.map((r) => r.dispositions)).toEqual(
      given.map((h) => (h.dispositions.length ? h.dispositions.join(', ') : 'No disposition'))
    );
    await expect(element).toBeAccessible();
  });

  it('C16 the Task link opens the console’s search for the Task’s key', async () => {
    const element = mount(chat.history);
    await Promise.resolve();
    const link = element.shadowRoot.querySelector('button.open-task');
    expect(link.textContent).toBe('Open the Chat Task');
    link.click();
    expect(openTab).toHaveBeenCalledWith({
      pageReference: { type: 'standard__search', attributes: {}, state: { term: chat.history[0].taskKey } },
      focus: true
    });
  });

  it('C16 a first-time customer: no earlier interactions', async () => {
    const element = mount([]);
    await Promise.resolve();
    expect(element.shadowRoot.textContent).toContain('No earlier interactions with this customer.');
  });
});
