// Threads that live as long as a command and run one piece of work at a time
// on all of them. `validate --jobs N` hands each window of documents to the
// pool: starting N threads per window cost more than validating the window
// (a window of 4 documents took 0.6x the time of one thread at --jobs 2).
#ifndef SMSREG_CLI_WORKER_POOL_HPP
#define SMSREG_CLI_WORKER_POOL_HPP

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace smsreg::cli {

class WorkerPool {
 public:
  // Starts `threads` - 1 helpers (the caller is the last worker). When the
  // system refuses a thread, the pool runs with the ones it has.
  explicit WorkerPool(unsigned threads);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Runs `work` on every helper and on the caller, in two halves so the
  // caller can do its own I/O while the helpers work: start() sets the
  // helpers on `work` and returns at once; finish() runs `work` on the
  // caller too and returns when all have returned. `work` must not throw,
  // shares the work out itself (an atomic index) and must outlive finish().
  // One piece of work at a time.
  void start(const std::function<void()>& work);
  void finish();

 private:
  void helperLoop();

  std::mutex mutex_;
  std::condition_variable started_;
  std::condition_variable finished_;
  const std::function<void()>* work_ = nullptr;
  unsigned long generation_ = 0;
  unsigned running_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> helpers_;
};

}  // namespace smsreg::cli

#endif  // SMSREG_CLI_WORKER_POOL_HPP
