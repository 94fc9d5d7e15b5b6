/// <reference path="./qrcodeCore.d.ts" />
import type { Element } from 'hast';
import { h, s } from 'hastscript';
import { create as createQrCode } from 'qrcode/lib/core/qrcode.js';
import { z } from 'zod';
import { format } from '../../locale/index.ts';
import { defineComponent } from './defineComponent.ts';

const shareQrSchema = z.strictObject({
  /** Another address than the deck's own `url`. */
  url: z.url({ protocol: /^https?$/ }).optional(),
  /** The words beside the code ("Slides and sources at" in English); the address is always printed too. */
  label: z.string().min(1).optional(),
});

/**
 * `<ShareQR />`: a QR code for the deck's `url`, drawn at build time as SVG (no script, no
 * network), with the address printed beside it for those who cannot scan.
 */
export const shareQr = defineComponent('ShareQR', shareQrSchema, ({ url, label }, { deck, fail }) => {
  const address = url ?? deck.url;
  if (!address) {
    return fail('<ShareQR> has no address to encode', {
      hint: 'Add the address where the deck will be shared to the frontmatter (url: https://example.org/deck.html), or give <ShareQR url="…" />.',
      ruleId: 'ShareQR-props',
    });
  }
  return h('figure', { className: ['podium-share'] }, [
    qrSvg(address, format(deck.strings.qrCodeFor, { address })),
    h('figcaption', [h('span', label ?? deck.strings.shareLabel), ' ', h('a', { href: address }, address)]),
  ]);
});

/** The code as one SVG path of dark modules, with a quiet zone of four modules. */
function qrSvg(text: string, name: string): Element {
  const { modules } = createQrCode(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const size = modules.size + quiet * 2;
  let path = '';
  for (let y = 0; y < modules.size; y++) {
    // One rectangle per run of dark modules in a row keeps the path short.
    for (let x = 0; x < modules.size; x++) {
      if (!modules.get(x, y)) continue;
      const start = x;
      while (x + 1 < modules.size && modules.get(x + 1, y)) x++;
      path += `M${start + quiet} ${y + quiet}h${x - start + 1}v1h-${x - start + 1}z`;
    }
  }
  return s(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${size} ${size}`,
      role: 'img',
      ariaLabel: name,
      shapeRendering: 'crispEdges',
      className: ['podium-qr'],
    },
    [s('rect', { width: size, height: size, fill: '#ffffff' }), s('path', { d: path, fill: '#000000' })],
  );
}
