// Copies USWDS's compiled assets (installed by `npm ci`) to the folder given as the only argument,
// which the Maven build sets to target/classes/static/uswds. Only what a page loads: the CSS it links,
// the JS it runs, and the fonts and images that CSS refers to (by ../fonts and ../img).
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const target = process.argv[2];
if (!target) {
  console.error('usage: node copy-uswds.mjs <target folder>');
  process.exit(2);
}
const dist = fileURLToPath(new URL('./node_modules/@uswds/uswds/dist/', import.meta.url));
if (!existsSync(dist)) {
  console.error(`USWDS is not installed at ${dist}: run npm ci first`);
  process.exit(1);
}
rmSync(target, { recursive: true, force: true });
for (const folder of ['css', 'js', 'fonts', 'img']) {
  cpSync(join(dist, folder), join(target, folder), { recursive: true });
}
console.log(`USWDS assets copied to ${target}`);
