// `npm run start:sandbox` runs dist/apps/discord-sandbox/main.js, while the build puts the
// entry point at dist/apps/discord-sandbox/src/main.js; this forwards one to the other.
import './src/main';
