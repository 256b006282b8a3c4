// The one way svcorg spreads work over threads.
#pragma once

#include <cstddef>
#include <functional>

namespace svcorg::util {

// The threads `jobs` asks for: itself, or one per core when 0.
unsigned jobs_or_cores(unsigned jobs);

// How many pieces to cut divisible work into for jobs_or_cores(jobs) threads: 1 for one
// thread, else 4 per thread, so that pieces of uneven size still keep every thread busy.
size_t pieces_for(unsigned jobs);

// Runs body(i) once for each i in [0, n), on at most jobs_or_cores(jobs) threads, this
// one among them; a thread that finishes one i takes the next not yet taken, so pieces
// of uneven size spread themselves. Returns when every i is done. Callers make the
// result independent of the threads: body(i) writes to the i-th slot of something, and
// the slots are merged in their order afterwards. If a body throws, no further i is
// started and the first exception is rethrown here once every thread has stopped.
void parallel_for(size_t n, unsigned jobs, const std::function<void(size_t)>& body);

}  // namespace svcorg::util
