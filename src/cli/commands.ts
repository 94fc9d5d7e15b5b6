// Every command's code, behind the help and argument checks of run.ts: the bundle
// `npm run build:tool` makes for bin/podium.js starts here (rolldown.config.ts). Each command's
// modules are set up only when it runs: a build never sets up the dev server's or the PDF's.
export const build = async () => (await import('./buildCommand.ts')).default;
export const dev = async () => (await import('./devCommand.ts')).default;
export const pdf = async () => (await import('./pdfCommand.ts')).default;
const newCommand = async () => (await import('./newCommand.ts')).default;
export { newCommand as new };
