// Loads the built, sandboxed preload with a stand-in 'electron' (contextBridge, ipcRenderer) and
// prints what it exposed to the page, and what one call sends, as one JSON line.
const Module = require('node:module');

const exposed = {};
const invoked = [];
const standIn = {
  contextBridge: {
    exposeInMainWorld: (key, api) => {
      exposed[key] = api;
    },
  },
  ipcRenderer: {
    invoke: async (channel, request) => {
      invoked.push({ channel, request });
      return { ok: true, value: [] };
    },
  },
};
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'electron' ? standIn : load.call(this, request, ...rest);
};
require(process.argv[2]);
const api = exposed.api;
const shape = Object.fromEntries(Object.entries(api).map(([group, calls]) => [group, Object.keys(calls)]));
// A request over the size cap, as a misbehaving page might send: refused before ipcRenderer.invoke.
const oversized = { integrationId: 'int_x', stepId: 'app', input: { junk: 'x'.repeat(5 * 1024 * 1024 + 1) } };
Promise.all([api.clients.list({}), api.steps.saveInput(oversized)]).then(([reply, refused]) => {
  process.stdout.write(`${JSON.stringify({ keys: Object.keys(exposed), shape, invoked, reply, refused })}\n`);
});
