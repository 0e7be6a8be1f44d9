'use strict';
// Node.js binding speed on an NDJSON corpus (bench/make_corpus.py), printed as
// one JSON line: validate() on strings (median of ROUNDS rounds), and
// validateAsync() with the whole corpus in flight on the libuv pool.
// usage: SMSREG_NODE_PACKAGE=<build>/node node bindings_node.js CORPUS [ROUNDS]
const fs = require('node:fs');
const smsreg = require(process.env.SMSREG_NODE_PACKAGE);

const docs = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter((l) => l.length > 0);
const rounds = Number(process.argv[3] || 5);
const validator = new smsreg.Validator();
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const seconds = (t0) => Number(process.hrtime.bigint() - t0) / 1e9;

(async () => {
  const sync = [];
  for (let r = 0; r < rounds; ++r) {
    const t0 = process.hrtime.bigint();
    for (const d of docs) validator.validate(d);
    sync.push(seconds(t0));
  }
  const async = [];
  for (let r = 0; r < rounds; ++r) {
    const t0 = process.hrtime.bigint();
    await Promise.all(docs.map((d) => validator.validateAsync(d)));
    async.push(seconds(t0));
  }
  console.log(JSON.stringify({docs: docs.length, validate_docs_per_s: docs.length / median(sync),
    validateAsync_docs_per_s: docs.length / median(async)}));
})();
