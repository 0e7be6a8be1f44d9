'use strict';
// A Node.js backend for the registration form on the `http` module alone:
// POST /registrations answers 200 with the report when VERIFIED; 422
// application/problem+json (RFC 9457) with one entry per error when
// NOT_VERIFIED; 400 the same way when the body is not a submission at all.
// Run: SMSREG_NODE_PACKAGE=build/node node examples/node/server.js [PORT]
const http = require('node:http');
const smsreg = require(process.env.SMSREG_NODE_PACKAGE || 'smsreg');

const validator = new smsreg.Validator(); // built once, shared by every request
const MAX_BODY = 1 << 20; // the library's own limit; stop reading beyond it

// RFC 9457 section 3: a JSON Pointer into the request body, as a URI fragment.
const pointer = (location) => '#' + encodeURI(location).replace(/#/g, '%23');
const entry = (f) => ({pointer: pointer(f.instanceLocation), code: f.code, detail: f.message});

function send(res, status, type, body) {
  res.writeHead(status, {'Content-Type': type});
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

async function answer(body, res) {
  const report = await validator.validateAsync(body); // off the event loop, on the libuv pool
  if (report.status === 'VERIFIED') return send(res, 200, 'application/json', report);
  const notASubmission = report.errors.some((e) => e.code.startsWith('INPUT_'));
  const status = notASubmission ? 400 : 422;
  send(res, status, 'application/problem+json', {
    type: 'about:blank',
    title: notASubmission ? 'Bad Request' : 'Unprocessable Content',
    status,
    detail: `The registration is NOT_VERIFIED: ${report.errors.length} error(s) to fix.`,
    errors: report.errors.map(entry),
    warnings: report.warnings.map(entry),
  });
}

function handle(req, res) {
  if (req.method !== 'POST' || req.url !== '/registrations') {
    return send(res, 404, 'application/problem+json', {type: 'about:blank', title: 'Not Found', status: 404});
  }
  const chunks = [];
  let size = 0;
  req.on('data', (chunk) => {
    size += chunk.length;
    if (size <= MAX_BODY + 1) chunks.push(chunk); // one byte over is enough for INPUT_TOO_LARGE
  });
  req.on('end', () => answer(Buffer.concat(chunks), res).catch((err) => send(res, 500, 'text/plain', String(err))));
}

const server = http.createServer(handle);
if (require.main === module) {
  server.listen(Number(process.argv[2] || 8081), '127.0.0.1', () => console.log('listening', server.address()));
}
module.exports = server;
