import { createHash } from 'node:crypto';

/** A CSP hash source for an inline script: 'sha256-…' of its exact text. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The policy every shared deck carries: no network at all. The only script that runs is the
 * inlined runtime (by hash), which is also the speaker view; styles, images and fonts come from
 * the file itself; frames only load the deck's own file (the speaker view's slide previews).
 */
export function contentSecurityPolicy(runtimeHash: string): string {
  return [
    "default-src 'none'",
    `script-src ${runtimeHash}`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    'font-src data:',
    "frame-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
