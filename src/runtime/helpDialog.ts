import './helpDialog.css';
import { textElement } from './dom.ts';
import type { RuntimeStringKey } from '../locale/index.ts';
import { isHelpKey, type KeyboardPolicy } from './keyboard.ts';
import { runtimeStrings, say } from './strings.ts';

/** The rows of the help dialog's two tables: the keys, and what they do, as keys of the deck's strings. */
const rows = {
  always: [
    ['helpKeysForward', 'helpForward'],
    ['helpKeysBack', 'helpBack'],
    ['helpKeysEnds', 'helpEnds'],
    ['helpKeysEscape', 'helpEscape'],
    ['?', 'helpThisList'],
  ],
  single: [
    ['N, P', 'helpNextPrevious'],
    ['O', 'helpOverview'],
    ['F', 'helpFullScreen'],
    ['helpKeysBlack', 'helpBlack'],
    ['G', 'helpGoTo'],
    ['T', 'helpData'],
    ['S', 'helpSpeakerView'],
    ['R', 'helpRestart'],
  ],
} as const satisfies Record<string, ReadonlyArray<readonly [string, RuntimeStringKey]>>;

/** A row's keys: a letter as it is on the keyboard, or the name of a key in the deck's language. */
function keysText(keys: string): string {
  const strings = runtimeStrings();
  return Object.hasOwn(strings, keys) ? strings[keys as RuntimeStringKey] : keys;
}

const ids = { title: 'podium-help-title', hint: 'podium-help-single-keys-hint' };

/**
 * The `?` (or F1) help: a modal dialog listing the keys, with the switch that turns single-key
 * shortcuts off. Opened modally, it holds focus until Esc or Close, then gives focus back to
 * where it was.
 */
export class HelpDialog {
  readonly #dialog: HTMLDialogElement;
  readonly #policy: KeyboardPolicy;
  readonly #listening = new AbortController();
  #returnTo: Element | null = null;

  constructor(policy: KeyboardPolicy, host: HTMLElement = document.body) {
    this.#policy = policy;
    this.#dialog = this.#render();
    host.append(this.#dialog);
    const signal = this.#listening.signal;
    document.addEventListener(
      'keydown',
      (event) => {
        if (!isHelpKey(event) || this.#dialog.open || policy.keysTaken(event)) return;
        event.preventDefault();
        this.open();
      },
      { signal },
    );
    // Closed some other way (a phone's back gesture): focus goes back all the same.
    this.#dialog.addEventListener('close', () => this.#giveBackFocus(), { signal });
    this.#dialog.addEventListener('keydown', (event) => this.#keyInDialog(event), { signal });
  }

  #keyInDialog(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'Escape') {
      // Closed here rather than by the browser, so focus is back before the next key arrives.
      event.preventDefault();
      this.close();
    } else if (event.key === 'Tab') {
      this.#wrapTab(event);
    }
  }

  /** Tab from the last control goes to the first, and Shift+Tab back, rather than out to the browser's own bar. */
  #wrapTab(event: KeyboardEvent): void {
    const controls = [...this.#dialog.querySelectorAll<HTMLElement>('input, button')];
    const edge = event.shiftKey ? controls[0] : controls.at(-1);
    if (document.activeElement !== edge) return;
    event.preventDefault();
    (event.shiftKey ? controls.at(-1) : controls[0])?.focus();
  }

  open(): void {
    this.#returnTo = document.activeElement;
    this.#checkbox().checked = this.#policy.singleKeys;
    this.#dialog.showModal();
  }

  close(): void {
    this.#dialog.close();
    this.#giveBackFocus();
  }

  #giveBackFocus(): void {
    const target = this.#returnTo;
    this.#returnTo = null;
    if (target instanceof HTMLElement && target.isConnected && target !== document.body) target.focus();
    // Opened from the page itself: focus goes back to the page, not to a control in a closed dialog.
    const left = document.activeElement;
    if (left instanceof HTMLElement && this.#dialog.contains(left)) left.blur();
  }

  #checkbox(): HTMLInputElement {
    return this.#dialog.querySelector('input[type="checkbox"]')!;
  }

  #render(): HTMLDialogElement {
    const dialog = textElement('dialog', 'podium-help');
    dialog.setAttribute('aria-labelledby', ids.title);
    const title = textElement('h2', 'podium-help-title', say('helpTitle'));
    title.id = ids.title;
    const checkbox = document.createElement('input');
    checkbox.type = 'checkbox';
    checkbox.setAttribute('aria-describedby', ids.hint);
    checkbox.addEventListener('change', () => {
      this.#policy.singleKeys = checkbox.checked;
    });
    const label = textElement('label', 'podium-help-switch');
    label.append(checkbox, ` ${say('helpSingleKeysSwitch')}`);
    const hint = textElement('p', 'podium-help-hint', say('helpSingleKeysHint'));
    hint.id = ids.hint;
    const close = textElement('button', 'podium-help-close', say('close'));
    close.type = 'button';
    close.addEventListener('click', () => this.close());
    dialog.append(
      title,
      keyTable(say('helpAlwaysCaption'), rows.always),
      label,
      hint,
      keyTable(say('helpSingleCaption'), rows.single),
      close,
    );
    return dialog;
  }

  /** Removes the dialog and its key. */
  destroy(): void {
    this.#listening.abort();
    this.#dialog.remove();
  }
}

function keyTable(caption: string, keyRows: ReadonlyArray<readonly [string, RuntimeStringKey]>): HTMLTableElement {
  const table = textElement('table', 'podium-help-keys');
  table.createCaption().textContent = caption;
  const head = table.createTHead().insertRow();
  for (const heading of [say('helpKeyHeading'), say('helpActionHeading')]) {
    const cell = textElement('th', '', heading);
    cell.scope = 'col';
    head.append(cell);
  }
  const body = table.createTBody();
  for (const [keys, action] of keyRows) {
    const row = body.insertRow();
    const key = textElement('th', '', keysText(keys));
    key.scope = 'row';
    row.append(key, textElement('td', '', say(action)));
  }
  return table;
}
