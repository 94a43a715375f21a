// jsdom (the task pane's test environment) has no TextDecoder/TextEncoder, which every browser the
// add-in runs in has and the reader needs: lend it Node's, which is the same WHATWG Encoding API.
const util = require('node:util');
if (typeof globalThis.TextDecoder === 'undefined') globalThis.TextDecoder = util.TextDecoder;
if (typeof globalThis.TextEncoder === 'undefined') globalThis.TextEncoder = util.TextEncoder;
