'use strict';
// The Node.js binding's contract (INTERFACE section 7), run by `node --test`.
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');

const pkg = process.env.SMSREG_NODE_PACKAGE || path.join(__dirname, '..');
const examples = process.env.SMSREG_EXAMPLES || path.join(__dirname, '..', '..', '..', 'examples');
const smsreg = require(pkg);
const read = (name) => fs.readFileSync(path.join(examples, name), 'utf8');
const VALID = read('registration-us.json');
const BROKEN = read('registration-broken.json');
const ENABLEMENT = read('enablement-number-changed.json');
const validator = new smsreg.Validator();
const find = (list, at, code) => list.find((f) => f.instanceLocation === at && f.code === code);

test('a valid submission as string, Buffer or object is VERIFIED', () => {
  for (const doc of [VALID, Buffer.from(VALID), JSON.parse(VALID)]) {
    assert.deepStrictEqual(validator.validate(doc), {status: 'VERIFIED', errors: [], warnings: []});
  }
});

test('findings carry instanceLocation, code, message and params', () => {
  const report = validator.validate(BROKEN);
  assert.strictEqual(report.status, 'NOT_VERIFIED');
  const ein = find(report.errors, '/brand/ein', 'EIN_PREFIX_INVALID');
  assert.deepStrictEqual(ein.params, {prefix: '07'});
  assert.match(ein.message, /07/);
  assert.strictEqual(find(report.errors, '/brand/phone', 'FIELD_FORMAT').params.suggestion, '+13125478810');
  assert.ok(find(report.warnings, '/brand/email', 'EMAIL_FREE_DOMAIN'));
});

test('number params are numbers', () => {
  const doc = JSON.parse(VALID);
  doc.campaign.description = 'Too short.';
  const f = find(validator.validate(doc).errors, '/campaign/description', 'FIELD_TOO_SHORT');
  assert.ok(Object.values(f.params).some((v) => typeof v === 'number'), JSON.stringify(f.params));
});

test('bad input is a report, not an exception', () => {
  for (const [doc, code] of [['', 'INPUT_EMPTY'], ['{', 'INPUT_MALFORMED'], ['[1]', 'INPUT_NOT_OBJECT'],
    [Buffer.from([0xff, 0x7b, 0x7d]), 'INPUT_INVALID_UTF8']]) {
    const report = validator.validate(doc);
    assert.deepStrictEqual(report.errors.map((e) => [e.instanceLocation, e.code]), [['', code]]);
  }
  assert.throws(() => validator.validate(42), TypeError);
});

test('validateAsync resolves to what validate returns, many at once', async () => {
  const docs = Array.from({length: 40}, (_, i) => (i % 2 ? BROKEN : VALID));
  const results = await Promise.all(docs.map((d) => validator.validateAsync(d)));
  results.forEach((r, i) => assert.deepStrictEqual(r, validator.validate(docs[i])));
});

test('options: part, disable, limits', () => {
  const brand = new smsreg.Validator({part: 'brand', disable: ['EIN_PREFIX_INVALID']});
  const report = brand.validate(BROKEN);
  assert.ok(report.errors.length > 0);
  assert.ok(report.errors.every((e) => e.instanceLocation.startsWith('/brand')));
  assert.strictEqual(find(report.errors, '/brand/ein', 'EIN_PREFIX_INVALID'), undefined);
  assert.strictEqual(new smsreg.Validator({maxBytes: 100}).validate(BROKEN).errors[0].code, 'INPUT_TOO_LARGE');
  assert.throws(() => new smsreg.Validator({part: 'everything'}), RangeError);
});

test('a profile turns provider rules into errors', () => {
  const doc = JSON.parse(VALID);
  delete doc.campaign.termsAndConditionsLink;
  const neutral = validator.validate(doc);
  assert.strictEqual(neutral.status, 'VERIFIED');
  assert.ok(find(neutral.warnings, '/campaign/termsAndConditionsLink', 'TERMS_LINK_MISSING'));
  const strict = new smsreg.Validator({profile: 'twilio-2026'}).validate(doc);
  assert.strictEqual(strict.status, 'NOT_VERIFIED');
  assert.ok(find(strict.errors, '/campaign/termsAndConditionsLink', 'TERMS_LINK_MISSING'));
  assert.throws(() => new smsreg.Validator({profile: 'no-such-provider'}), /no-such-provider/);
});

test('a validator that cannot be built throws an Error with the reason', () => {
  assert.throws(() => new smsreg.Validator({disable: ['NO_SUCH_CODE']}), /NO_SUCH_CODE/);
  assert.throws(() => new smsreg.Validator({rules: '{"rules": 3'}), Error);
});

test('diagnose returns the diagnosis object', () => {
  const d = smsreg.diagnose(ENABLEMENT);
  assert.strictEqual(d.state, 'DISABLED');
  assert.strictEqual(d.canSend, false);
  assert.deepStrictEqual(d.causes.map((c) => c.code), ['PHONE_NUMBER_CHANGED']);
  assert.strictEqual(smsreg.diagnose(JSON.parse(ENABLEMENT), {recentDays: 1, pendingHours: 1}).userId, 'u-204');
  assert.ok(smsreg.diagnose('{"asOf": 1}').error);
  assert.strictEqual(smsreg.diagnose(ENABLEMENT, {clockSkewSeconds: 0}).state, 'DISABLED');
  assert.throws(() => smsreg.diagnose(ENABLEMENT, {clockSkewSeconds: -1}), RangeError);
});

test('package.json carries the library version', () => {
  assert.strictEqual(require(path.join(pkg, 'package.json')).version, smsreg.version);
});
