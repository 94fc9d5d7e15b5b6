import { AudienceTimerBar } from './timerBar.ts';
import { Countdown } from './timerClock.ts';
import { SpeakerTimerBanner, SpeakerViewLink } from './timerSpeaker.ts';

/** The reveal.js calls the public-comment timer needs. */
export interface TimerHost {
  on(type: string, listener: () => void): void;
  addKeyBinding(binding: { keyCode: number; key: string; description: string }, callback: () => void): void;
  getConfig(): { postMessageEvents?: boolean };
  getPlugin(id: string): unknown;
  getRevealElement(): HTMLElement | null;
  isOverview(): boolean;
  isPrintView(): boolean;
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

const restartKey = { keyCode: 82, key: 'R', description: 'Start the time-limit countdown (again)' };

/**
 * A countdown for a speaking limit. It starts at the first slide change or step, or with R,
 * which also restarts it; the speaker view shows the time left, and with `timer: visible` the
 * audience sees a bar. At zero it says so and the deck carries on.
 */
export function startTimer(deck: TimerHost, settings: TimerSettings): void {
  deck.on('ready', () => {
    const root = deck.getRevealElement();
    if (!root || deck.isPrintView()) return;
    if (!deck.isSpeakerNotes()) presentationTimer(deck, settings, root);
    // Of the two previews in the speaker view, the current slide's is the one that reports events.
    else if (deck.getConfig().postMessageEvents) {
      const banner = new SpeakerTimerBanner(root, settings.limitSeconds);
      // The speaker view passes its key presses on to this preview.
      deck.addKeyBinding(restartKey, () => banner.requestRestart());
    }
  });
}

function presentationTimer(deck: TimerHost, settings: TimerSettings, root: HTMLElement): void {
  const countdown = new Countdown(settings.limitSeconds, `podium-timer:${location.pathname}:${settings.limitSeconds}`);
  const bar = settings.audience ? new AudienceTimerBar(root) : undefined;
  const show = () => bar?.show(countdown.read());
  const speaker = new SpeakerViewLink(countdown, () => restart());
  const started = () => {
    speaker.send();
    speaker.resetPacing();
    show();
  };
  const restart = () => {
    countdown.restart();
    started();
  };
  // Moving around the overview while setting up is not starting to speak.
  const startOnce = () => {
    if (!deck.isOverview() && countdown.start()) started();
  };
  for (const event of ['slidechanged', 'fragmentshown', 'fragmenthidden']) deck.on(event, startOnce);
  deck.addKeyBinding(restartKey, restart);
  const notes = deck.getPlugin('notes') as { open?: () => void } | undefined;
  // reveal's own S only focuses the window it opened, even one the browser reloaded blank.
  deck.addKeyBinding({ keyCode: 83, key: 'S', description: 'Speaker notes view' }, () => {
    speaker.closeIfSilent();
    notes?.open?.();
  });
  if (!bar) return;
  show();
  setInterval(show, 250);
}
