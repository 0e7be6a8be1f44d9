// Where `smsreg check` finds the documents a schema's $refs name: an explicit
// map, the embedded draft-07 meta-schema, or a local folder. Never the network.
#ifndef SMSREG_CHECK_REMOTE_LOADER_HPP
#define SMSREG_CHECK_REMOTE_LOADER_HPP

#include "check/ref_resolver.hpp"
#include "smsreg/schema_check.hpp"

namespace smsreg::check {

// A loader over `options` (copied). Documents are parsed with parseBounded
// under options.limits.
DocumentLoader makeRemoteLoader(const SchemaCheckOptions& options);

}  // namespace smsreg::check

#endif  // SMSREG_CHECK_REMOTE_LOADER_HPP
