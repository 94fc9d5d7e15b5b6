/**
 * The script a dev page runs: it listens to the dev server, reloads its page when the deck
 * changes (reveal keeps the slide and fragment in the address, so the reload keeps the place)
 * and shows build errors in Vite's overlay.
 */
export function devClientScript(page: string, initialError?: unknown, build?: number): string {
  const state = JSON.stringify({ page, initialError: initialError ?? null, build: build ?? null }).replace(
    /</g,
    '\\u003c',
  );
  return `import { createHotContext, ErrorOverlay } from '/@vite/client';
const { page, initialError, build } = ${state};
// The speaker view's slide previews (?receiver) reload with the view around them.
if (!new URLSearchParams(location.search).has('receiver')) startDevClient();

function startDevClient() {
  const hot = createHotContext('/@podium/page');
  const showError = (err) => {
    document.querySelectorAll('vite-error-overlay').forEach((overlay) => overlay.remove());
    document.body.appendChild(new ErrorOverlay(err));
  };
  // The address keeps the slide only once reveal has written it; remember the place ourselves.
  const placeKey = 'podium:place:' + page;
  const reveal = () => window.Reveal;
  hot.on('podium:update', (data) => {
    if (data.page !== page && data.page !== '*') return;
    if (reveal()) sessionStorage.setItem(placeKey, JSON.stringify(reveal().getIndices()));
    location.reload();
  });
  const saved = sessionStorage.getItem(placeKey);
  if (saved && reveal()) {
    sessionStorage.removeItem(placeKey);
    const { h, v, f } = JSON.parse(saved);
    const restore = () => reveal().slide(h, v, f);
    if (reveal().isReady()) restore();
    else reveal().on('ready', restore);
  }
  hot.on('podium:error', (data) => { if (data.page === page) showError(data.err); });
  // A change saved while this page loaded was sent before it could hear: on connecting, it says
  // which build it shows, and the server answers if there is a newer one.
  if (build !== null) hot.on('vite:ws:connect', () => hot.send('podium:hello', { page, build }));
  if (initialError) showError(initialError);

  // The bar at the foot of the page: slides too tall, then the deck's warnings.
  let fitNotes = [];
  let warningNotes = [];
  const showNotes = () => {
    document.querySelector('.podium-dev-fit')?.remove();
    const lines = [...fitNotes, ...warningNotes];
    if (lines.length === 0) return;
    const note = document.createElement('p');
    note.className = 'podium-dev-fit';
    note.setAttribute('role', 'status');
    note.style.cssText = 'position:fixed;left:0;right:0;bottom:0;margin:0;padding:6px 12px;z-index:50;font:16px/1.4 system-ui,sans-serif;white-space:pre-line;background:#7a2e00;color:#fff';
    note.textContent = lines.join('\\n');
    document.body.append(note);
  };
  hot.on('podium:warnings', (data) => {
    if (data.page !== page) return;
    warningNotes = data.warnings;
    showNotes();
  });
  // A slide taller than the slide area is cut off when presenting: say which, here and in the terminal.
  const checkFit = () => {
    const { height } = reveal().getConfig();
    const tall = reveal().getSlides().flatMap((slide, index) => {
      const shown = slide.style.display;
      slide.style.display = 'block';
      const over = slide.scrollHeight - height;
      slide.style.display = shown;
      return over > 2 ? [{ slide: index + 1, over }] : [];
    });
    fitNotes = tall.map((t) => 'Slide ' + t.slide + ' is ' + t.over + ' px taller than the slide: its bottom is cut off.');
    showNotes();
    if (tall.length > 0) hot.send('podium:too-tall', { page, tall });
  };
  if (reveal()) {
    if (reveal().isReady()) checkFit();
    else reveal().on('ready', checkFit);
  }
}
`;
}
