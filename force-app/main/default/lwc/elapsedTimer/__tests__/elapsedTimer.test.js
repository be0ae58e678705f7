import { createElement } from 'lwc';
import ElapsedTimer, { formatElapsed } from 'c/elapsedTimer';
import held from 'fixtures/panels/voice-held.json';

describe('c-elapsed-timer', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.useRealTimers();
  });

  it('formats minutes and seconds, and hours past an hour', () => {
    expect(formatElapsed(0)).toBe('00:00');
    expect(formatElapsed(247_900)).toBe('04:07');
    expect(formatElapsed(3_729_000)).toBe('1:02:09');
    expect(formatElapsed(-5_000)).toBe('00:00');
  });

  it('V5 counts the hold time from the snapshot’s instant, ticking once a second, without announcing it', async () => {
    const call = held.snapshot.interactions[0];
    jest.useFakeTimers({ now: call.heldSince + 65_000 });
    const element = createElement('c-elapsed-timer', { is: ElapsedTimer });
    element.since = call.heldSince;
    document.body.appendChild(element);
    await Promise.resolve();
    const timer = element.shadowRoot.querySelector('[role="timer"]');
    expect(timer.textContent).toBe('01:05');
    expect(timer.getAttribute('aria-live')).toBe('off');
    jest.advanceTimersByTime(2_000);
    await Promise.resolve();
    expect(timer.textContent).toBe('01:07');
    jest.useRealTimers(); // sa11y refuses to run under fake timers
    await expect(element).toBeAccessible();
  });

  it('V1 C1 counts down to an offer’s expiry and stops at zero', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const element = createElement('c-elapsed-timer', { is: ElapsedTimer });
    element.until = 1_020_000;
    document.body.appendChild(element);
    await Promise.resolve();
    const timer = element.shadowRoot.querySelector('[role="timer"]');
    expect(timer.textContent).toBe('00:20');
    jest.advanceTimersByTime(19_000);
    await Promise.resolve();
    expect(timer.textContent).toBe('00:01');
    jest.advanceTimersByTime(5_000);
    await Promise.resolve();
    expect(timer.textContent).toBe('00:00');
  });

  it('A6 a stopped handle time shows what was counted and stands still', async () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const element = createElement('c-elapsed-timer', { is: ElapsedTimer });
    Object.assign(element, { since: 900_000, baseMs: 30_000, stopped: true });
    document.body.appendChild(element);
    jest.advanceTimersByTime(5_000);
    await Promise.resolve();
    expect(element.shadowRoot.querySelector('[role="timer"]').textContent).toBe('00:30');
  });
});
