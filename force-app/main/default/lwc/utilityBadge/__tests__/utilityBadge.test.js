import { createElement } from 'lwc';
import UtilityBadge from 'c/utilityBadge';
import { setUtilityHighlighted, setUtilityLabel } from 'lightning/platformUtilityBarApi';

describe('c-utility-badge', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
  });

  function mount(props) {
    const element = createElement('c-utility-badge', { is: UtilityBadge });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
  }

  it('shows the plain name and no highlight when nothing waits', async () => {
    const element = mount({ offers: 0, unread: 0 });
    await Promise.resolve();
    expect(setUtilityLabel).toHaveBeenLastCalledWith({ label: 'Softphone' });
    expect(setUtilityHighlighted).toHaveBeenLastCalledWith({ highlighted: false });
    expect(element.shadowRoot.querySelector('[role="status"]').textContent).toBe('');
    await expect(element).toBeAccessible();
  });

  it('a ringing offer highlights the utility and is announced politely', async () => {
    const element = mount({ offers: 1, unread: 2 });
    await Promise.resolve();
    expect(setUtilityHighlighted).toHaveBeenLastCalledWith({ highlighted: true });
    const status = element.shadowRoot.querySelector('[role="status"]');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toBe('Offers waiting: 1. Unread conversations: 2.');
    await expect(element).toBeAccessible();
  });

  it('D2 the unread count updates the label without highlighting', async () => {
    const element = mount({ offers: 0, unread: 0 });
    element.unread = 3;
    await Promise.resolve();
    expect(setUtilityLabel).toHaveBeenLastCalledWith({ label: 'Softphone (3)' });
    expect(setUtilityHighlighted).toHaveBeenLastCalledWith({ highlighted: false });
  });

  it('refuses nonsense counts rather than showing them', async () => {
    const element = mount({ offers: -4, unread: 'lots' });
    await Promise.resolve();
    expect(element.offers).toBe(0);
    expect(element.unread).toBe(0);
  });
});
