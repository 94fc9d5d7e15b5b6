import './navigationControls.css';

/**
 * reveal.js disables an arrow button that has nowhere to go, and a disabled button loses focus:
 * press "next" on the last slide but one and focus falls to the page. Here such a button is
 * `aria-disabled` instead, so it keeps focus while it has it (it is hidden, and out of the Tab
 * order, once focus moves on), and pressing it does nothing, as reveal does nothing there.
 */
export class NavigationControls {
  readonly #controls: Element | null;
  readonly #observer = new MutationObserver(() => this.#update());

  constructor(root: HTMLElement) {
    this.#controls = root.querySelector(':scope > .controls');
    if (!this.#controls) return;
    this.#update();
    // Mutation records arrive before the browser takes focus from a button it finds disabled.
    this.#observer.observe(this.#controls, { subtree: true, attributes: true, attributeFilter: ['disabled'] });
  }

  #update(): void {
    for (const button of this.#controls?.querySelectorAll('button') ?? []) {
      if (button.hasAttribute('disabled')) button.removeAttribute('disabled');
      const off = String(!button.classList.contains('enabled'));
      if (button.getAttribute('aria-disabled') !== off) button.setAttribute('aria-disabled', off);
    }
  }

  destroy(): void {
    this.#observer.disconnect();
  }
}
