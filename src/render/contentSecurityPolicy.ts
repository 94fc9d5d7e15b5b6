import { createHash } from 'node:crypto';

/** A CSP hash source for an inline script: 'sha256-…' of its exact text. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The policy every shared deck carries: no network at all. The only script that runs is the
 * inlined runtime (by hash), which is also the speaker view; styles, images and fonts come from
 * the file itself; frames only load the deck's own file (the speaker view's slide previews).
 *
 * A `podium dev` page runs under the same policy, with its own scripts added to `scripts` and
 * `devServerSocket` the one connection it may open: the websocket to its own dev server. Vite's
 * client waits for a restarted server in a worker it makes from a blob (under this same policy).
 */
export function contentSecurityPolicy(scripts: string[], devServerSocket?: string): string {
  return [
    "default-src 'none'",
    `script-src ${scripts.length > 0 ? scripts.join(' ') : "'none'"}`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    'font-src data:',
    ...(devServerSocket ? [`connect-src ${devServerSocket}`, 'worker-src blob:'] : []),
    "frame-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
