import { createElement } from 'lwc';
import ConnectionBanner from 'c/connectionBanner';
import syncDelayed from 'fixtures/panels/sync-delayed.json';
import syncOk from 'fixtures/panels/sync-ok.json';

function mount(state, sync = syncOk.sync) {
  const element = createElement('c-connection-banner', { is: ConnectionBanner });
  element.state = state;
  element.sync = sync;
  document.body.appendChild(element);
  return element;
}
const text = (element) => element.shadowRoot.querySelector('[role="status"]').textContent;

describe('c-connection-banner', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('says nothing while connected and in sync', async () => {
    const element = mount('open');
    await Promise.resolve();
    expect(text(element)).toBe('');
    await expect(element).toBeAccessible();
  });

  it('says the work goes on while it reconnects', async () => {
    const element = mount('reconnecting');
    await Promise.resolve();
    expect(text(element)).toBe('Connection lost. Reconnecting… Your calls and chats continue.');
    expect(element.shadowRoot.querySelector('.slds-notify').className).toContain('slds-theme_warning');
    await expect(element).toBeAccessible();
  });

  it('offers Sign in when signed out', async () => {
    const element = mount('signedOut');
    const signIns = jest.fn();
    element.addEventListener('signin', signIns);
    await Promise.resolve();
    expect(text(element)).toContain('You are signed out of the softphone.');
    element.shadowRoot.querySelector('lightning-button').click();
    expect(signIns).toHaveBeenCalledTimes(1);
    await expect(element).toBeAccessible();
  });

  it('says why a sign-in did not work, with the button to try again', async () => {
    const element = mount('signedOut');
    element.signInError = 'POPUP_BLOCKED';
    await Promise.resolve();
    expect(text(element)).toContain('Your browser blocked the sign-in window.');
    expect(element.shadowRoot.querySelector('lightning-button')).not.toBeNull();
    element.signInError = 'TOKEN_EXCHANGE_FAILED';
    await Promise.resolve();
    expect(text(element)).toContain('Signing in did not work.');
    await expect(element).toBeAccessible();
  });

  it('S7 says sync is delayed, why, and that nothing is lost', async () => {
    const element = mount('open', syncDelayed.sync);
    await Promise.resolve();
    expect(text(element)).toBe('Saving to Salesforce is delayed: Salesforce is not answering. Nothing is lost.');
    await expect(element).toBeAccessible();
  });

  it('S7 says sync is paused when the org is out of API calls', async () => {
    const element = mount('open', { state: 'paused', reason: 'REQUEST_LIMIT_EXCEEDED' });
    await Promise.resolve();
    expect(text(element)).toBe(
      'Saving to Salesforce is paused: Your org has used up its API calls for today. Nothing is lost; it resumes by itself.'
    );
  });
});
