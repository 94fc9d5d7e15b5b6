import './presenting.css';
import { SpeakerWindow, type PresentationDeck } from './speaker/speakerWindow.ts';
import { AudienceTimerBar } from './timerBar.ts';
import { readCountdown, TalkClock } from './timerClock.ts';

/** The reveal.js calls presenting needs, beyond those of the speaker window. */
export interface PresentingDeck extends PresentationDeck {
  addKeyBinding(binding: { keyCode: number; key: string; description: string }, callback: () => void): void;
  getRevealElement(): HTMLElement | null;
  isOverview(): boolean;
  isPrintView(): boolean;
  /** True in the speaker view's slide previews. */
  isSpeakerNotes(): boolean;
}

export interface TimerSettings {
  limitSeconds: number;
  /** `timer: visible`: the audience sees a countdown bar too. */
  audience: boolean;
}

/** The deck's time limit, from the data attributes the build puts on `.reveal` (frontmatter `timeLimit`, `timer`). */
export function timerSettings(root: ParentNode = document): TimerSettings | undefined {
  const reveal = root.querySelector<HTMLElement>('.reveal');
  const limitSeconds = Number(reveal?.dataset.timeLimit);
  if (!(limitSeconds > 0)) return undefined;
  return { limitSeconds, audience: reveal?.dataset.timer === 'visible' };
}

/** How long a notice stays on the presentation (a blocked speaker window). */
const noticeMs = 8000;

/**
 * The presentation window's side of presenting: the talk clock, which starts at the first slide
 * change or step, or with R, which also restarts it; the speaker view (S), which shows it; and,
 * with `timer: visible` and a time limit, the countdown bar the audience sees. At zero the bar
 * says so and the deck carries on. Previews and printed pages have none of these.
 */
export function startPresenting(deck: PresentingDeck, timer: TimerSettings | undefined): void {
  deck.on('ready', () => {
    const root = deck.getRevealElement();
    if (!root || deck.isPrintView() || deck.isSpeakerNotes()) return;
    const clock = new TalkClock(`podium-talk:${location.pathname}`);
    const bar = timer?.audience ? new AudienceTimerBar(root) : undefined;
    const show = () => {
      if (timer && bar) bar.show(readCountdown(timer.limitSeconds, clock.startedAt, Date.now()));
    };
    const speaker = new SpeakerWindow(deck, clock, () => restart());
    const started = () => {
      speaker.send();
      show();
    };
    const restart = () => {
      clock.restart(deck.getState());
      started();
    };
    // Moving around the overview while setting up is not starting to speak.
    const startOnce = () => {
      if (!deck.isOverview() && clock.start(deck.getState())) started();
    };
    for (const event of ['slidechanged', 'fragmentshown', 'fragmenthidden']) deck.on(event, startOnce);
    deck.addKeyBinding({ keyCode: 82, key: 'R', description: 'Restart the talk clock (and the time limit)' }, restart);
    deck.addKeyBinding({ keyCode: 83, key: 'S', description: 'Speaker view: notes, the next slide, the clock' }, () => {
      if (!speaker.open())
        notice(root, 'The browser blocked the speaker view window. Allow pop-ups for this page, then press S again.');
    });
    if (!bar) return;
    show();
    setInterval(show, 250);
  });
}

function notice(root: HTMLElement, text: string): void {
  const shown = document.createElement('p');
  shown.className = 'podium-notice';
  shown.setAttribute('role', 'alert');
  shown.textContent = text;
  root.append(shown);
  setTimeout(() => shown.remove(), noticeMs);
}
