/**
 * Pages in a PDF that Chromium wrote. Skia writes PDF 1.4 without object streams, so every
 * page's `/Type /Page` dictionary is plain text (page-tree nodes are `/Type /Pages`).
 */
export function pdfPageCount(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  return text.match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
}
