#pragma once
// What `svcorg --version` prints: "svcorg 0.1.0 (commit 0397459)". The commit is written
// into a generated source at build time (cmake/Commit.cmake), so a new commit relinks the
// executable and never leaves the line stale; "unknown" outside a git checkout.
namespace svcorg_cli {
extern const char kBuildCommit[];
}
