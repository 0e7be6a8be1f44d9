// Reading an enablement document without holding a batch's whole DOM.
//
// A 64 MiB export parsed into one nlohmann tree takes about nine times its
// size (std::map nodes and a heap string per value): 0.8 GB peak before this
// reader. Here the `users` array is streamed (input/bounded_json.hpp): a
// first pass reads and checks everything but the users (their elements are
// built and dropped one at a time), a second hands each user to readInput as
// a one-user batch and passes its model on to be diagnosed at once. Peak
// memory is the text, one user's tree and model, and the diagnoses.
#ifndef SMSREG_ENABLEMENT_BATCH_READER_HPP
#define SMSREG_ENABLEMENT_BATCH_READER_HPP

#include <functional>
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

// Receives each user of a batch as soon as it is read and checked; `out`
// already holds asOf and the account.
using UserVisitor = std::function<void(const UserInput& user)>;

// Parses and shape-checks `text` into `out`, as parseBounded + readInput
// would, with the same errors at the same pointers. A batch's users are
// handed to `onUser` in order and not kept in `out.users` (the one user of
// a single-user document is). A shape error stops the reading; users
// handed out before it were valid.
bool readDocument(std::string_view text, const Limits& limits, EnablementInput& out, ReadFailure& failure,
                  const UserVisitor& onUser);

}  // namespace smsreg::enablement

#endif  // SMSREG_ENABLEMENT_BATCH_READER_HPP
