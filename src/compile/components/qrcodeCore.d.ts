// The encoder alone, without the PNG, file and stream renderers that `qrcode` loads beside it.
declare module 'qrcode/lib/core/qrcode.js' {
  export const create: typeof import('qrcode').create;
}
