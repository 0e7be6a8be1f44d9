// Reading an enablement document without holding a batch's whole DOM.
//
// A 64 MiB export parsed into one nlohmann tree takes about nine times its
// size (std::map nodes and a heap string per value): 0.8 GB peak before this
// reader. Here the `users` array is streamed (input/bounded_json.hpp): a
// first pass reads and checks everything but the users (their elements are
// built and dropped one at a time), a second hands each user to readInput as
// a one-user batch and keeps only its model. Peak memory is the text, the
// model and one user's tree.
#ifndef SMSREG_ENABLEMENT_BATCH_READER_HPP
#define SMSREG_ENABLEMENT_BATCH_READER_HPP

#include <string_view>

#include "enablement/model.hpp"
#include "input/bounded_json.hpp"
#include "smsreg/enablement.hpp"
#include "smsreg/options.hpp"

namespace smsreg::enablement {

// What readDocument found wrong: a parse error (INPUT_*), or a shape error
// from readInput with its pointer as if the whole document had been read.
struct ReadFailure {
  bool parse = false;  // true: `parseError`; false: `shapeError`
  input::ParseError parseError;
  EnablementError shapeError;
};

// Parses and shape-checks `text` into `out`, as parseBounded + readInput
// would, with the same errors at the same pointers.
bool readDocument(std::string_view text, const Limits& limits, EnablementInput& out, ReadFailure& failure);

}  // namespace smsreg::enablement

#endif  // SMSREG_ENABLEMENT_BATCH_READER_HPP
