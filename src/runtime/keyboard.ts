import { readStored, writeStored } from './storage.ts';

/** Where a reader's choice to turn single-key shortcuts off is kept: one setting for every deck. */
const singleKeysStorageKey = 'podium-single-key-shortcuts';

/** Roles of widgets that answer keys themselves (arrows, Home, letters to search). */
const keyWidgetRoles = [
  'combobox',
  'grid',
  'listbox',
  'menu',
  'menubar',
  'radiogroup',
  'scrollbar',
  'slider',
  'spinbutton',
  'tablist',
  'textbox',
  'tree',
  'treegrid',
];

/** While focus is in one of these, every key is the control's, not the deck's. */
const usesKeys = [
  'input',
  'select',
  'textarea',
  '[contenteditable]:not([contenteditable="false"])',
  'audio[controls]',
  'video[controls]',
  ...keyWidgetRoles.map((role) => `[role="${role}"]`),
].join(', ');

/** Space and Enter press or follow these, as on any page. */
const pressable = [
  'a[href]',
  'button',
  'summary',
  ...['button', 'link', 'checkbox', 'switch', 'menuitem', 'tab', 'option', 'radio'].map((role) => `[role="${role}"]`),
].join(', ');

/** `?` and F1 open Podium's help, in place of reveal.js's overlay. */
export function isHelpKey(event: KeyboardEvent): boolean {
  return (event.key === '?' || event.key === 'F1') && !event.ctrlKey && !event.metaKey && !event.altKey;
}

/** A letter, digit or symbol pressed alone: the shortcuts WCAG 2.1.4 lets a reader turn off. */
function isSingleCharacter(event: KeyboardEvent): boolean {
  return (
    typeof event.key === 'string' &&
    event.key.length === 1 &&
    event.key !== ' ' &&
    !event.ctrlKey &&
    !event.metaKey &&
    !event.altKey
  );
}

/**
 * Decides which key presses reveal.js may act on (its `keyboardCondition`): none while a modal
 * dialog is open or focus is in a control that uses keys; not Space or Enter on a focused button
 * or link, which the browser presses or follows; not `?`, which opens Podium's help; and no
 * single-key shortcut once the reader has turned them off.
 */
export class KeyboardPolicy {
  #singleKeys = readStored('localStorage', singleKeysStorageKey) !== 'off';

  /** Whether single-key shortcuts (F, S, T, O, B, …) work; kept across reloads when storage allows. */
  get singleKeys(): boolean {
    return this.#singleKeys;
  }

  set singleKeys(on: boolean) {
    this.#singleKeys = on;
    writeStored('localStorage', singleKeysStorageKey, on ? 'on' : 'off');
  }

  /** True when focus is where keys belong to something other than the deck. */
  keysTaken(event: KeyboardEvent): boolean {
    // Podium opens its dialogs modally; while one is open the deck behind it takes no keys.
    if (document.querySelector('dialog[open]')) return true;
    return focusedTarget(event)?.closest(usesKeys) != null;
  }

  /** reveal.js's `keyboardCondition`: false leaves the key to the page. */
  readonly allows = (event: KeyboardEvent): boolean => {
    if (this.keysTaken(event) || isHelpKey(event)) return false;
    if ((event.key === ' ' || event.key === 'Enter') && focusedTarget(event)?.closest(pressable)) return false;
    return this.#singleKeys || !isSingleCharacter(event);
  };
}

/** The element a key press went to; reveal's `triggerKey` passes an object with no target. */
function focusedTarget(event: KeyboardEvent): Element | null {
  return event.target instanceof Element ? event.target : null;
}
