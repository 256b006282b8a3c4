#include "svcorg/util/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace svcorg::util {

unsigned jobs_or_cores(unsigned jobs) {
  return jobs != 0 ? jobs : std::max(1u, std::thread::hardware_concurrency());
}

size_t pieces_for(unsigned jobs) {
  const unsigned threads = jobs_or_cores(jobs);
  return threads < 2 ? 1 : 4 * size_t{threads};
}

void parallel_for(size_t n, unsigned jobs, const std::function<void(size_t)>& body) {
  const size_t threads = std::min<size_t>(jobs_or_cores(jobs), n);
  if (threads <= 1) {
    for (size_t i = 0; i < n; ++i) body(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr first;
  std::mutex lock;
  auto work = [&] {
    for (size_t i = next++; i < n && !failed; i = next++) {
      try {
        body(i);
      } catch (...) {
        const std::lock_guard<std::mutex> hold(lock);
        if (!first) first = std::current_exception();
        failed = true;
      }
    }
  };
  std::vector<std::thread> others;
  others.reserve(threads - 1);
  for (size_t t = 1; t < threads; ++t) {
    try {
      others.emplace_back(work);
    } catch (const std::system_error&) {  // no thread to be had: fewer do the work
      break;
    }
  }
  work();
  for (auto& t : others) t.join();
  if (first) std::rethrow_exception(first);
}

}  // namespace svcorg::util
