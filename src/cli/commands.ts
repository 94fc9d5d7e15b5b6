// Every command's code, behind the help and argument checks of run.ts: the bundle
// `npm run build:tool` makes for bin/podium.js starts here (rolldown.config.ts).
export { default as build } from './buildCommand.ts';
export { default as dev } from './devCommand.ts';
export { default as new } from './newCommand.ts';
export { default as pdf } from './pdfCommand.ts';
