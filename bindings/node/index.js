'use strict';
// smsreg for Node.js: new Validator(options).validate(doc) / validateAsync(doc),
// diagnose(input, options). The addon is built by CMake (bindings/node).
module.exports = require('./smsreg.node');
