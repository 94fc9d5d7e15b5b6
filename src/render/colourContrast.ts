import type { CssColor } from 'lightningcss';

/** A colour as the screen shows it: sRGB channels from 0 to 1, and its opacity. */
export interface Srgb {
  r: number;
  g: number;
  b: number;
  alpha: number;
}

type Triple = readonly [number, number, number];
type Matrix = readonly [Triple, Triple, Triple];

// The matrices and transfer functions of CSS Color 4's sample code (https://www.w3.org/TR/css-color-4/#color-conversion-code).
const xyzD65ToLinearSrgb: Matrix = [
  [3.2409699419045226, -1.537383177570094, -0.4986107602930034],
  [-0.9692436362808796, 1.8759675015077202, 0.04155505740717559],
  [0.05563007969699366, -0.20397695888897652, 1.0569715142428786],
];
const d50ToD65: Matrix = [
  [0.955473421488075, -0.02309845494876471, 0.06325924320057072],
  [-0.0283697093338637, 1.0099953980813041, 0.021041441191917323],
  [0.012314014864481998, -0.020507649298898964, 1.330365926242124],
];
const linearP3ToXyzD65: Matrix = [
  [0.4865709486482162, 0.26566769316909306, 0.1982172852343625],
  [0.2289745640697488, 0.6917385218365064, 0.079286914093745],
  [0, 0.04511338185890264, 1.043944368900976],
];
const linearA98ToXyzD65: Matrix = [
  [0.5766690429101305, 0.1855582379065463, 0.1882286462349947],
  [0.29734497525053605, 0.6273635662554661, 0.07529145849399788],
  [0.02703136138641234, 0.07068885253582723, 0.9913375368376388],
];
const linearRec2020ToXyzD65: Matrix = [
  [0.6369580483012914, 0.14461690358620832, 0.1688809751641721],
  [0.2627002120112671, 0.6779980715188708, 0.05930171646986196],
  [0, 0.028072693049087428, 1.060985057710791],
];
const linearProPhotoToXyzD50: Matrix = [
  [0.7977666449006423, 0.13518129740053308, 0.0313477341283922],
  [0.2880748288194013, 0.711835234241873, 0.00008993693872564],
  [0, 0, 0.8251046025104602],
];
const whiteD50: Triple = [0.3457 / 0.3585, 1, (1 - 0.3457 - 0.3585) / 0.3585];

/** The colour lightningcss parsed, in sRGB (clipped to the screen's gamut), or undefined for one that depends on the page (currentColor, light-dark(), system colours). */
export function srgbOf(color: CssColor): Srgb | undefined {
  if (typeof color === 'string' || !('alpha' in color)) return undefined;
  const linear = linearSrgbOf(color);
  if (linear === undefined) return undefined;
  const [r, g, b] = linear.map((channel) => clip(gammaEncoded(channel)));
  return { r: r!, g: g!, b: b!, alpha: color.alpha };
}

function linearSrgbOf(color: Exclude<CssColor, string>): Triple | undefined {
  switch (color.type) {
    case 'rgb':
      return map([color.r, color.g, color.b], (channel) => gammaDecoded(channel / 255));
    case 'srgb':
      return map([color.r, color.g, color.b], gammaDecoded);
    case 'srgb-linear':
      return [color.r, color.g, color.b];
    case 'display-p3':
      return fromXyzD65(times(linearP3ToXyzD65, map([color.r, color.g, color.b], gammaDecoded)));
    case 'a98-rgb':
      return fromXyzD65(times(linearA98ToXyzD65, map([color.r, color.g, color.b], a98Decoded)));
    case 'rec2020':
      return fromXyzD65(times(linearRec2020ToXyzD65, map([color.r, color.g, color.b], rec2020Decoded)));
    case 'prophoto-rgb':
      return fromXyzD50(times(linearProPhotoToXyzD50, map([color.r, color.g, color.b], proPhotoDecoded)));
    case 'xyz-d65':
      return fromXyzD65([color.x, color.y, color.z]);
    case 'xyz-d50':
      return fromXyzD50([color.x, color.y, color.z]);
    case 'lab':
      return fromXyzD50(labToXyzD50(color.l, color.a, color.b));
    case 'lch':
      return fromXyzD50(labToXyzD50(color.l, ...polarToCartesian(color.c, color.h)));
    case 'oklab':
      return oklabToLinearSrgb([color.l, color.a, color.b]);
    case 'oklch':
      return oklabToLinearSrgb([color.l, ...polarToCartesian(color.c, color.h)]);
    default:
      return undefined;
  }
}

/** `front` seen over the opaque `back`, as a browser blends a translucent colour. */
export function composited(front: Srgb, back: Srgb): Srgb {
  const blend = (a: number, b: number) => a * front.alpha + b * (1 - front.alpha);
  return { r: blend(front.r, back.r), g: blend(front.g, back.g), b: blend(front.b, back.b), alpha: 1 };
}

/**
 * CSS `color-mix(in srgb, a p%, b q%)`: the two mixed in sRGB with premultiplied alpha; a share
 * left out is what the other leaves of 100 %, and shares adding up to less than 100 % make the
 * mix that much more transparent (CSS Color 5).
 */
export function mixedInSrgb(a: Srgb, aShare: number | undefined, b: Srgb, bShare: number | undefined): Srgb {
  const first = aShare ?? (bShare === undefined ? 0.5 : 1 - bShare);
  const second = bShare ?? 1 - first;
  const total = first + second;
  if (total <= 0) return { r: 0, g: 0, b: 0, alpha: 0 };
  const [p, q] = [first / total, second / total];
  const alpha = a.alpha * p + b.alpha * q;
  const channel = (x: number, y: number) => (alpha === 0 ? 0 : (x * a.alpha * p + y * b.alpha * q) / alpha);
  return { r: channel(a.r, b.r), g: channel(a.g, b.g), b: channel(a.b, b.b), alpha: alpha * Math.min(total, 1) };
}

/** WCAG 2.1 relative luminance of an opaque colour. */
function luminance({ r, g, b }: Srgb): number {
  const linear = (channel: number) => (channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2.1 contrast ratio of two opaque colours, from 1 to 21. */
export function contrastRatio(a: Srgb, b: Srgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** `#rrggbb`, or `#rrggbbaa` for a translucent colour. */
export function hexOf({ r, g, b, alpha }: Srgb): string {
  const byte = (value: number) =>
    Math.round(clip(value) * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${byte(r)}${byte(g)}${byte(b)}${alpha < 1 ? byte(alpha) : ''}`;
}

/**
 * The opaque colour closest to `front` that reaches `minimum` on `back`: the same OKLCH hue and
 * chroma, lighter or darker by the least lightness, rounded to a hex colour that still passes.
 */
export function nearestPassing(front: Srgb, back: Srgb, minimum: number): Srgb | undefined {
  const [lightness, a, b] = linearSrgbToOklab(map([front.r, front.g, front.b], gammaDecoded));
  const at = (l: number): Srgb => {
    const [r, g, bl] = map(oklabToLinearSrgb([l, a, b]), (channel) => clip(gammaEncoded(channel)));
    // Rounded as a hex colour is, so that the colour suggested is the colour that passes.
    const byte = (value: number) => Math.round(value * 255) / 255;
    return { r: byte(r), g: byte(g), b: byte(bl), alpha: 1 };
  };
  const passes = (l: number) => contrastRatio(at(l), back) >= minimum;
  const step = 0.001;
  for (let distance = 0; distance <= 1; distance += step) {
    const lighter = lightness + distance;
    const darker = lightness - distance;
    const found = [lighter, darker].find((l) => l >= 0 && l <= 1 && passes(l));
    if (found !== undefined) return at(found);
  }
  return undefined;
}

function gammaDecoded(channel: number): number {
  const magnitude = Math.abs(channel);
  const linear = magnitude <= 0.04045 ? magnitude / 12.92 : ((magnitude + 0.055) / 1.055) ** 2.4;
  return Math.sign(channel) * linear;
}

function gammaEncoded(channel: number): number {
  const magnitude = Math.abs(channel);
  const encoded = magnitude <= 0.0031308 ? magnitude * 12.92 : 1.055 * magnitude ** (1 / 2.4) - 0.055;
  return Math.sign(channel) * encoded;
}

function a98Decoded(channel: number): number {
  return Math.sign(channel) * Math.abs(channel) ** (563 / 256);
}

function rec2020Decoded(channel: number): number {
  const alpha = 1.09929682680944;
  const beta = 0.018053968510807;
  const magnitude = Math.abs(channel);
  const linear = magnitude < beta * 4.5 ? magnitude / 4.5 : ((magnitude + alpha - 1) / alpha) ** (1 / 0.45);
  return Math.sign(channel) * linear;
}

function proPhotoDecoded(channel: number): number {
  const magnitude = Math.abs(channel);
  return Math.sign(channel) * (magnitude <= 16 / 512 ? magnitude / 16 : magnitude ** 1.8);
}

function labToXyzD50(l: number, a: number, b: number): Triple {
  const kappa = 24389 / 27;
  const epsilon = 216 / 24389;
  const fy = (l + 16) / 116;
  const fx = a / 500 + fy;
  const fz = fy - b / 200;
  const x = fx ** 3 > epsilon ? fx ** 3 : (116 * fx - 16) / kappa;
  const y = l > kappa * epsilon ? fy ** 3 : l / kappa;
  const z = fz ** 3 > epsilon ? fz ** 3 : (116 * fz - 16) / kappa;
  return [x * whiteD50[0], y * whiteD50[1], z * whiteD50[2]];
}

function oklabToLinearSrgb([l, a, b]: Triple): Triple {
  const long = (l + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const medium = (l - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const short = (l - 0.0894841775 * a - 1.291485548 * b) ** 3;
  return [
    4.0767416621 * long - 3.3077115913 * medium + 0.2309699292 * short,
    -1.2684380046 * long + 2.6097574011 * medium - 0.3413193965 * short,
    -0.0041960863 * long - 0.7034186147 * medium + 1.707614701 * short,
  ];
}

function linearSrgbToOklab([r, g, b]: Triple): Triple {
  const long = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const medium = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const short = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [
    0.2104542553 * long + 0.793617785 * medium - 0.0040720468 * short,
    1.9779984951 * long - 2.428592205 * medium + 0.4505937099 * short,
    0.0259040371 * long + 0.7827717662 * medium - 0.808675766 * short,
  ];
}

function polarToCartesian(chroma: number, hue: number): [number, number] {
  const radians = (hue * Math.PI) / 180;
  return [chroma * Math.cos(radians), chroma * Math.sin(radians)];
}

function fromXyzD65(xyz: Triple): Triple {
  return times(xyzD65ToLinearSrgb, xyz);
}

function fromXyzD50(xyz: Triple): Triple {
  return fromXyzD65(times(d50ToD65, xyz));
}

function times([first, second, third]: Matrix, vector: Triple): Triple {
  const dot = ([a, b, c]: Triple) => a * vector[0] + b * vector[1] + c * vector[2];
  return [dot(first), dot(second), dot(third)];
}

function map(triple: Triple, f: (value: number, index: number) => number): Triple {
  return [f(triple[0], 0), f(triple[1], 1), f(triple[2], 2)];
}

function clip(channel: number): number {
  return Math.min(1, Math.max(0, channel));
}
