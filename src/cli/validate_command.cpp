// smsreg validate: registration submissions in, reports out.
#include <atomic>
#include <functional>
#include <iostream>
#include <mutex>

#include "cli/commands.hpp"
#include "cli/io.hpp"
#include "cli/output.hpp"
#include "cli/worker_pool.hpp"
#include "smsreg/validator.hpp"

namespace smsreg::cli {

namespace {

struct ValidateArgs {
  std::string format = "text";
  bool ndjson = false;
  std::string part = "both";
  std::string rulesFile;
  std::string profile;
  std::vector<std::string> disabled;
  unsigned jobs = 1;
  Limits limits;
  std::vector<std::string> files;
};

// A report as one line of output, or, when it cannot be written (memory
// ran out while serialising it), an INPUT_TOO_LARGE report of its own in
// the same place, so no other document's report is lost with it.
std::string render(const Report& report, const std::string& source, bool json, bool many, bool& replaced) noexcept {
  replaced = false;
  try {
    return json ? report.toJson(many ? source : "") + "\n" : report.toText(source);
  } catch (...) {
  }
  replaced = true;
  try {
    Report standIn;
    standIn.errors.push_back(Finding{"",
                                     "INPUT_TOO_LARGE",
                                     "The report for this document needs more memory than is available to write; "
                                     "send a smaller document.",
                                     {}});
    return json ? standIn.toJson(many ? source : "") + "\n" : standIn.toText(source);
  } catch (...) {
    return {};  // nothing can be written; the caller notices the empty line
  }
}

// A document slot keeps its text buffer from one window to the next up to
// this size, a longer one is freed once written: the slots of both windows
// then hold at most 2 x 64 x 16 KiB a thread beyond the documents in flight,
// whatever sizes came before (docs/limits.md).
constexpr std::size_t kKeptCapacity = std::size_t{16} << 10;

// A window of documents and, once validated, their output lines. Each
// document's report is rendered by the thread that made it and freed at
// once, so a window holds text, never reports. Documents are swapped in
// from the reader, whose next line then reuses a buffer a slot gave back:
// reading a stream neither copies nor allocates a line in steady state.
struct Window {
  std::vector<Document> slots;
  std::size_t count = 0;
  std::size_t bytes = 0;
  std::vector<std::string> lines;
  std::vector<char> verified;
  std::vector<char> replaced;
  std::atomic<std::size_t> next{0};
  std::function<void()> work;

  void take(Document& d) {
    if (count == slots.size()) slots.emplace_back();
    std::swap(slots[count], d);
    bytes += slots[count].text.size();
    ++count;
  }

  void prepare(const Validator& validator, bool json, bool many) {
    lines.assign(count, std::string());
    verified.assign(count, 0);
    replaced.assign(count, 0);
    next = 0;
    work = [this, &validator, json, many] {
      for (std::size_t i = next++; i < count; i = next++) {
        Report report = validator.validate(slots[i].text);
        bool lost = false;
        lines[i] = render(report, slots[i].source, json, many, lost);
        verified[i] = report.verified() && !lost ? 1 : 0;
        replaced[i] = lost ? 1 : 0;
      }
    };
  }

  void clear() {
    for (std::size_t i = 0; i < count; ++i) {
      if (slots[i].text.capacity() > kKeptCapacity) std::string().swap(slots[i].text);
    }
    count = 0;
    bytes = 0;
  }
};

// A window closes at kWindowDocs documents a thread, or once it holds
// kWindowBytes of text and at least two documents a thread: many small
// documents share one hand-over to the threads, while a stream of 1 MiB
// documents still holds no more than two a thread (docs/limits.md).
constexpr std::size_t kWindowDocs = 64;
constexpr std::size_t kWindowBytes = std::size_t{1} << 20;

int run(const ValidateArgs& args) {
  ValidatorOptions options;
  options.limits = args.limits;
  options.part = args.part == "brand" ? Part::kBrand : args.part == "campaign" ? Part::kCampaign : Part::kBoth;
  options.disabledRules = args.disabled;
  options.profile = args.profile;
  if (!args.rulesFile.empty() && !readWholeFile(args.rulesFile, args.limits.maxBytes, options.extraRulesJson)) {
    return 2;
  }
  Validator validator(options);
  if (!validator.ok()) {
    std::cerr << "smsreg: " << validator.error() << "\n";
    return 2;
  }
  const bool json = args.format == "json";
  const bool many = manyDocuments(args.files, args.ndjson);
  const unsigned jobs = std::max(1u, args.jobs);
  // Two windows: while the pool validates one, this thread writes the
  // window before it and reads the one after, then joins the pool. Reading
  // and writing in between windows held --jobs 2 to 1.5x --jobs 1. The
  // windows outlive the pool: if reading throws, the pool's destructor
  // lets the helpers finish the window they hold before it is freed.
  Window windows[2];
  WorkerPool pool(jobs);
  const std::size_t maxDocs = kWindowDocs * jobs, minDocs = 2 * static_cast<std::size_t>(jobs);
  bool anyNotVerified = false;
  bool unwritable = false;
  auto write = [&](Window& w) {
    for (std::size_t i = 0; i < w.count; ++i) {
      anyNotVerified = anyNotVerified || w.verified[i] == 0;
      if (w.lines[i].empty() || w.replaced[i] != 0) unwritable = true;
      writeOut(w.lines[i]);
    }
    w.clear();
  };
  Window* filling = &windows[0];
  Window* running = nullptr;
  auto handOver = [&] {
    if (running != nullptr) pool.finish();
    Window* done = running;
    filling->prepare(validator, json, many);
    pool.start(filling->work);
    running = filling;
    if (done != nullptr) write(*done);
    filling = running == &windows[0] ? &windows[1] : &windows[0];
  };
  bool allRead = forEachDocument(args.files, args.ndjson, args.limits.maxBytes, [&](Document& d) {
    filling->take(d);
    if (filling->count >= maxDocs || (filling->bytes >= kWindowBytes && filling->count >= minDocs)) handOver();
  });
  if (filling->count != 0) handOver();
  if (running != nullptr) {
    pool.finish();
    write(*running);
  }
  if (unwritable) std::cerr << "smsreg: a report could not be written (out of memory); its line says so\n";
  if (!allRead || unwritable) return 2;
  return anyNotVerified ? 1 : 0;
}

}  // namespace

Runner addValidateCommand(CLI::App& app) {
  auto args = std::make_shared<ValidateArgs>();
  CLI::App* cmd = app.add_subcommand("validate", "Check brand + campaign submissions: VERIFIED or NOT_VERIFIED");
  cmd->add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_flag("--ndjson", args->ndjson, "One submission per line; one result per line");
  cmd->add_option("--part", args->part, "Validate one part alone")
      ->check(CLI::IsMember({"both", "brand", "campaign"}))
      ->capture_default_str();
  cmd->add_option("--profile", args->profile,
                  "Apply a shipped provider profile (schemas/profiles/NAME.json), e.g. twilio-2026");
  cmd->add_option("--rules", args->rulesFile,
                  "Rule file that adds or overrides rules (schemas/rules-file.schema.json)");
  cmd->add_option("--disable", args->disabled, "Turn a rule off by its code (repeatable)")->allow_extra_args(false);
  cmd->add_option("--jobs", args->jobs, "Worker threads sharing one validator")
      ->check(CLI::Range(1u, 256u))
      ->capture_default_str();
  addLimitFlags(cmd, args->limits);
  cmd->add_option("files", args->files, "Submission files; none or - reads standard input");
  // An unknown --disable code is a usage error (exit 2), found when the validator is built.
  return [args] { return run(*args); };
}

}  // namespace smsreg::cli
