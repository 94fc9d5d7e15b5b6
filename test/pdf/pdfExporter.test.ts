import { afterAll, beforeAll, expect, it } from 'vitest';
import { PdfExporter } from '../../src/pdf/pdfExporter.ts';
import { launchChromium } from '../support/browser.ts';

let exporter: PdfExporter;

beforeAll(async () => {
  exporter = new PdfExporter(await launchChromium());
});

afterAll(() => exporter?.close());

it('prints with the network cut off, and names every address the page tried to load', async () => {
  // Built decks never point at the network (the build refuses it); this page does, on purpose.
  const html = `<!doctype html><html lang="en"><head><title>Offline</title>
<link rel="stylesheet" href="https://example.com/style.css"></head>
<body><img src="https://example.com/logo.png" alt="logo"><p>Printed offline</p>
<script>document.documentElement.setAttribute('data-podium-print-ready', '')</script></body></html>`;
  const { pdf, pages, blockedRequests } = await exporter.export(html);
  expect(pages).toBe(1);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(blockedRequests.sort()).toEqual(['https://example.com/logo.png', 'https://example.com/style.css']);
});
