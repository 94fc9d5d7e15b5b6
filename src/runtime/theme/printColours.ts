/** The class that switches the page to the theme's print colours (base.css), as `?print-pdf` does. */
const printingClass = 'podium-print';

/**
 * Printing from the browser (Ctrl-P on the slides or the reading view) uses the theme's print
 * colours, light paper by default, as `podium pdf` does. Charts already drawn keep their colours.
 */
export function followPrinting(): () => void {
  const root = document.documentElement;
  const before = () => root.classList.add(printingClass);
  const after = () => root.classList.remove(printingClass);
  window.addEventListener('beforeprint', before);
  window.addEventListener('afterprint', after);
  return () => {
    window.removeEventListener('beforeprint', before);
    window.removeEventListener('afterprint', after);
    after();
  };
}
