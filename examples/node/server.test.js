'use strict';
// The Node.js example answers a valid, an invalid and a malformed registration.
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');

const server = require('./server.js');
const examples = process.env.SMSREG_EXAMPLES || path.join(__dirname, '..');

async function post(body) {
  const {port} = server.address();
  const res = await fetch(`http://127.0.0.1:${port}/registrations`,
      {method: 'POST', body, headers: {'Content-Type': 'application/json'}});
  return {status: res.status, type: res.headers.get('content-type'), body: await res.json()};
}

test.before(() => new Promise((resolve) => server.listen(0, '127.0.0.1', resolve)));
test.after(() => server.close());

test('a verified registration gets 200 and the report', async () => {
  const res = await post(fs.readFileSync(path.join(examples, 'registration-us.json')));
  assert.strictEqual(res.status, 200);
  assert.strictEqual(res.type, 'application/json');
  assert.deepStrictEqual(res.body, {status: 'VERIFIED', errors: [], warnings: []});
});

test('an invalid registration gets 422 problem+json with every error', async () => {
  const res = await post(fs.readFileSync(path.join(examples, 'registration-broken.json')));
  assert.strictEqual(res.status, 422);
  assert.strictEqual(res.type, 'application/problem+json');
  assert.strictEqual(res.body.status, 422);
  const errors = res.body.errors.map((e) => `${e.pointer} ${e.code}`);
  assert.ok(errors.includes('#/brand/ein EIN_PREFIX_INVALID'), errors.join('\n'));
  assert.ok(errors.includes('#/brand/phone FIELD_FORMAT'));
  assert.strictEqual(res.body.errors.length, 12);
  assert.ok(res.body.errors.every((e) => e.detail));
});

test('a body that is not a submission gets 400', async () => {
  const res = await post('{not json');
  assert.strictEqual(res.status, 400);
  assert.deepStrictEqual(res.body.errors.map((e) => [e.pointer, e.code]), [['#', 'INPUT_MALFORMED']]);
});
