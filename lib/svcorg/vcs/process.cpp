#include "svcorg/vcs/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

extern char** environ;

namespace svcorg::vcs {

namespace {

// Closes the descriptors it holds when it goes out of scope.
struct Fds {
  int in[2] = {-1, -1};  // a socket pair: sending to it never raises SIGPIPE
  int out[2] = {-1, -1};
  int err[2] = {-1, -1};
  ~Fds() {
    for (int* p : {in, out, err})
      for (int i = 0; i < 2; ++i)
        if (p[i] >= 0) close(p[i]);
  }
  static void drop(int& fd) {
    if (fd >= 0) close(fd);
    fd = -1;
  }
};

bool read_some(int& fd, std::string& into) {
  char buf[65536];
  const ssize_t n = read(fd, buf, sizeof buf);
  if (n > 0) {
    into.append(buf, static_cast<size_t>(n));
    return true;
  }
  if (n < 0 && (errno == EINTR || errno == EAGAIN)) return true;
  Fds::drop(fd);
  return false;
}

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv, const std::string& input) {
  ProcessResult r;
  if (argv.empty()) {
    r.error = i18n::Message("vcs.no-program");
    return r;
  }
  Fds fds;
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds.in) != 0 || pipe2(fds.out, O_CLOEXEC) != 0 ||
      pipe2(fds.err, O_CLOEXEC) != 0) {
    r.error = i18n::Message::verbatim(std::strerror(errno));
    return r;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds.in[1], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, fds.out[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, fds.err[1], STDERR_FILENO);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    r.error = i18n::Message::verbatim(std::strerror(rc));
    return r;
  }
  r.started = true;
  Fds::drop(fds.in[1]);
  Fds::drop(fds.out[1]);
  Fds::drop(fds.err[1]);

  size_t sent = 0;
  if (input.empty()) Fds::drop(fds.in[0]);
  while (fds.out[0] >= 0 || fds.err[0] >= 0) {
    pollfd p[3];
    nfds_t n = 0;
    int* which[3];
    auto watch = [&](int& fd, short events) {
      if (fd < 0) return;
      p[n] = pollfd{fd, events, 0};
      which[n++] = &fd;
    };
    watch(fds.in[0], POLLOUT);
    watch(fds.out[0], POLLIN);
    watch(fds.err[0], POLLIN);
    if (poll(p, n, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (nfds_t i = 0; i < n; ++i) {
      if (p[i].revents == 0) continue;
      int& fd = *which[i];
      if (&fd == &fds.in[0]) {
        const ssize_t w = send(fd, input.data() + sent, input.size() - sent, MSG_NOSIGNAL);
        if (w > 0) sent += static_cast<size_t>(w);
        if ((w < 0 && errno != EINTR && errno != EAGAIN) || sent == input.size()) Fds::drop(fd);
      } else {
        read_some(fd, &fd == &fds.out[0] ? r.out : r.err);
      }
    }
  }
  Fds::drop(fds.in[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace svcorg::vcs
