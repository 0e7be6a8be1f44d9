#include "cli/worker_pool.hpp"

#include <system_error>

namespace smsreg::cli {

WorkerPool::WorkerPool(unsigned threads) {
  for (unsigned t = 1; t < threads; ++t) {
    try {
      helpers_.emplace_back([this] { helperLoop(); });
    } catch (const std::system_error&) {
      break;  // fewer threads, same results
    }
  }
}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  started_.notify_all();
  for (std::thread& t : helpers_) t.join();
}

void WorkerPool::start(const std::function<void()>& work) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    work_ = &work;
    running_ = static_cast<unsigned>(helpers_.size());
    ++generation_;
  }
  started_.notify_all();
}

void WorkerPool::finish() {
  const std::function<void()>* work = nullptr;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    work = work_;
  }
  if (work == nullptr) return;
  (*work)();
  std::unique_lock<std::mutex> lock(mutex_);
  finished_.wait(lock, [this] { return running_ == 0; });
  work_ = nullptr;
}

void WorkerPool::helperLoop() {
  unsigned long seen = 0;
  for (;;) {
    const std::function<void()>* work = nullptr;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      started_.wait(lock, [&] { return stopping_ || generation_ != seen; });
      if (stopping_) return;
      seen = generation_;
      work = work_;
    }
    (*work)();
    std::lock_guard<std::mutex> lock(mutex_);
    if (--running_ == 0) finished_.notify_one();
  }
}

}  // namespace smsreg::cli
