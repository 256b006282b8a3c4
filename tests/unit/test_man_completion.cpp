// The man pages (docs/man) and shell completions (completions/) against the options the
// binary's --help lists, and their installation by `cmake --install`.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "support.hpp"

namespace fs = std::filesystem;
using testing::kSource;
using testing::read_file;

namespace {

struct Shell {
  int exit_code = -1;
  std::string out;
};

// Runs a shell command (stderr joined to stdout).
Shell shell(const std::string& command) {
  Shell r;
  FILE* p = popen((command + " 2>&1").c_str(), "r");
  REQUIRE(p != nullptr);
  std::array<char, 4096> buf{};
  size_t n = 0;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  const int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

bool have(const std::string& tool) {
  return shell("command -v " + tool + " >/dev/null").exit_code == 0;
}

using testing::lines_of;

// The subcommands `svcorg --help` lists.
std::vector<std::string> subcommands() {
  const auto r = testing::run_svcorg("--help");
  REQUIRE(r.exit_code == 0);
  std::vector<std::string> out;
  bool in = false;
  for (const auto& line : lines_of(r.out)) {
    if (line == "Subcommands:")
      in = true;
    else if (in && line.rfind("  ", 0) == 0 && line.size() > 2 && line[2] != ' ')
      out.push_back(line.substr(2, line.find(' ', 2) - 2));
  }
  REQUIRE(out.size() >= 6);
  return out;
}

// Every option name (`-q`, `--quiet`) `svcorg [COMMAND] --help` lists.
std::vector<std::string> help_options(const std::string& command) {
  const auto r = testing::run_svcorg(command.empty() ? "--help" : command + " --help");
  REQUIRE(r.exit_code == 0);
  std::vector<std::string> out;
  for (const auto& line : lines_of(r.out)) {
    if (line.rfind("  -", 0) != 0) continue;
    std::string names = line.substr(2, line.find(' ', 2) - 2);
    size_t start = 0;
    for (size_t comma; (comma = names.find(',', start)) != std::string::npos; start = comma + 1)
      out.push_back(names.substr(start, comma - start));
    out.push_back(names.substr(start));
  }
  REQUIRE(!out.empty());
  return out;
}

// A man page's text with roff's escapes for hyphens and fonts removed.
std::string unroff(std::string text) {
  text = std::regex_replace(text, std::regex(R"(\\f[BIRP])"), "");
  return std::regex_replace(text, std::regex(R"(\\-)"), "-");
}

// `name` appears as a word of its own (not inside `--output` for `-o`).
bool mentions(const std::string& text, const std::string& name) {
  const std::regex word("(^|[^A-Za-z0-9-])" + name + "($|[^A-Za-z0-9-])");
  return std::regex_search(text, word);
}

fs::path page(const std::string& command) {
  return kSource / "docs" / "man" / (command.empty() ? "svcorg.1" : "svcorg-" + command + ".1");
}

std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

}  // namespace

TEST_SUITE("man") {
  TEST_CASE("each command's page has .TH, NAME and every option of its --help") {
    std::vector<std::string> commands = subcommands();
    commands.insert(commands.begin(), "");
    for (const auto& command : commands) {
      CAPTURE(command);
      REQUIRE(fs::exists(page(command)));
      const std::string roff = read_file(page(command));
      const std::string name = command.empty() ? "svcorg" : "svcorg\\-" + command;
      CHECK(roff.rfind(".TH " + upper(name) + " 1 ", 0) == 0);
      CHECK(roff.find("\n.SH NAME\n" + name + " \\- ") != std::string::npos);
      for (const char* section : {"SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXIT STATUS", "SEE ALSO"}) {
        CAPTURE(section);
        CHECK(roff.find(std::string("\n.SH ") + section + "\n") != std::string::npos);
      }
      const std::string text = unroff(roff);
      for (const auto& option : help_options(command)) {
        CAPTURE(option);
        CHECK(mentions(text, option));
      }
    }
  }

  TEST_CASE("svcorg.1 names every command and its page") {
    const std::string text = unroff(read_file(page("")));
    for (const auto& command : subcommands()) {
      CAPTURE(command);
      CHECK(text.find("\n.B " + command + "\n") != std::string::npos);
      CHECK(text.find(".BR svcorg-" + command + " (1)") != std::string::npos);
    }
  }

  TEST_CASE("groff formats every page without a warning") {
    if (!have("groff")) {
      MESSAGE("groff is not installed: skipped");
      return;
    }
    for (const auto& e : fs::directory_iterator(kSource / "docs" / "man")) {
      CAPTURE(e.path().filename().string());
      const auto r = shell("groff -man -ww -z '" + e.path().string() + "'");
      CHECK(r.exit_code == 0);
      CHECK(r.out.empty());
    }
  }

  // Users never see the specification: what they read says it in the project's words and
  // links the project's documents (docs/SCORING.md, ...), never `SPEC 6` or SPEC.md.
  TEST_CASE("no --help, man page, completion, user document, schema or init template cites the specification") {
    const std::regex citation(R"(SPEC(\.md| [0-9])|shared/(SPEC|seed))");
    std::vector<std::pair<std::string, std::string>> texts;  // what, its text
    std::vector<std::string> commands = subcommands();
    commands.insert(commands.begin(), "");
    for (const auto& command : commands) {
      const auto r = testing::run_svcorg(command.empty() ? "--help" : command + " --help");
      REQUIRE(r.exit_code == 0);
      texts.emplace_back("svcorg " + command + " --help", r.out);
    }
    std::vector<fs::path> files = {kSource / "README.md",
                                   kSource / "README.zh-CN.md",
                                   kSource / "examples" / "README.md",
                                   kSource / "docs" / "ADOPTION.md",
                                   kSource / "docs" / "LABELS.md",
                                   kSource / "docs" / "SCORING.md",
                                   kSource / "docs" / "zh-CN" / "SCORING.md",
                                   kSource / "docs" / "RULES.md",
                                   kSource / "docs" / "zh-CN" / "RULES.md"};
    for (const char* folder : {"docs/man", "completions", "lib/svcorg/init/templates", "schemas"})
      for (const auto& e : fs::recursive_directory_iterator(kSource / folder))
        if (e.is_regular_file()) files.push_back(e.path());
    for (const auto& f : files) texts.emplace_back(f.string(), read_file(f));
    REQUIRE(texts.size() > 20);
    for (const auto& entry : texts) {
      const std::string& what = entry.first;  // no structured binding: clang 14 cannot capture one
      CAPTURE(what);
      std::smatch m;
      const bool cites = std::regex_search(entry.second, m, citation);
      CHECK_MESSAGE(!cites, m.str());
    }
  }

  TEST_CASE("cmake --install puts the man pages and completions in place") {
    const fs::path build = fs::path(SVCORG_BINARY).parent_path();  // svcorg is built at the build tree's top
    REQUIRE(fs::exists(build / "CMakeCache.txt"));
    testing::TempDir prefix;
    const auto r = shell("cmake --install '" + build.string() + "' --prefix '" + prefix.path().string() + "'");
    REQUIRE_MESSAGE(r.exit_code == 0, r.out);
    const fs::path share = prefix.path() / "share";
    std::vector<std::string> commands = subcommands();
    commands.insert(commands.begin(), "");
    for (const auto& command : commands) {
      const fs::path installed = share / "man" / "man1" / page(command).filename();
      CAPTURE(installed.string());
      REQUIRE(fs::exists(installed));
      CHECK(read_file(installed) == read_file(page(command)));
    }
    CHECK(read_file(share / "bash-completion" / "completions" / "svcorg") ==
          read_file(kSource / "completions" / "svcorg.bash"));
    CHECK(read_file(share / "zsh" / "site-functions" / "_svcorg") == read_file(kSource / "completions" / "_svcorg"));
    CHECK(fs::exists(prefix.path() / "bin" / "svcorg"));
  }
}

TEST_SUITE("completion") {
  std::string bash_script() {
    return (kSource / "completions" / "svcorg.bash").string();
  }

  // What the bash completion offers for the words given, the last one being completed.
  std::vector<std::string> bash_complete(const std::string& words) {
    const auto r =
        shell("bash -c 'source \"" + bash_script() + "\" && COMP_WORDS=(" + words +
              ") && COMP_CWORD=$((${#COMP_WORDS[@]} - 1)) && _svcorg && printf \"%s\\n\" \"${COMPREPLY[@]}\"'");
    REQUIRE_MESSAGE(r.exit_code == 0, r.out);
    return lines_of(r.out);
  }

  bool offered(const std::vector<std::string>& list, const std::string& word) {
    return std::find(list.begin(), list.end(), word) != list.end();
  }

  TEST_CASE("bash sources the script without error and completes svcorg with it") {
    const auto r = shell("bash -c 'source \"" + bash_script() + "\" && complete -p svcorg'");
    CHECK(r.exit_code == 0);
    CHECK(r.out == "complete -F _svcorg svcorg\n");
  }

  TEST_CASE("bash offers every subcommand, and every option of each") {
    const auto top = bash_complete("svcorg \"\"");
    for (const auto& command : subcommands()) {
      CAPTURE(command);
      CHECK(offered(top, command));
      const auto options = bash_complete("svcorg " + command + " -");
      for (const auto& option : help_options(command)) {
        CAPTURE(option);
        CHECK(offered(options, option));
      }
    }
    CHECK(offered(top, "--version"));
  }

  TEST_CASE("bash offers the values of enumerated options") {
    CHECK(bash_complete("svcorg validate --format \"\"") ==
          std::vector<std::string>{"text", "json", "sarif", "junit", "github", "gitlab"});
    CHECK(bash_complete("svcorg score --format j") == std::vector<std::string>{"json"});
    CHECK(bash_complete("svcorg needs --status o") == std::vector<std::string>{"open", "overdue"});
    CHECK(bash_complete("svcorg schema p") == std::vector<std::string>{"platform", "plan"});
    CHECK(bash_complete("svcorg report --color n") == std::vector<std::string>{"never"});
  }

  // Commands of commands (`import needs`): their options are not in `import --help`.
  TEST_CASE("import needs: its man page and both completions name every option of its --help") {
    const auto options = help_options("import needs");
    CHECK(offered(options, "--map"));
    const std::string man = unroff(read_file(page("import")));
    const std::string zsh = read_file(kSource / "completions" / "_svcorg");
    const auto bash = bash_complete("svcorg import needs x.csv -");
    for (const auto& option : options) {
      CAPTURE(option);
      CHECK(mentions(man, option));
      CHECK(mentions(zsh, option));
      CHECK(offered(bash, option));
    }
    CHECK(bash_complete("svcorg import n") == std::vector<std::string>{"needs"});
    CHECK(bash_complete("svcorg import needs x.csv --encoding g") == std::vector<std::string>{"gb18030"});
  }

  TEST_CASE("the zsh completion names every subcommand and option") {
    const fs::path zsh = kSource / "completions" / "_svcorg";
    const std::string text = read_file(zsh);
    CHECK(text.rfind("#compdef svcorg\n", 0) == 0);
    for (const auto& command : subcommands()) {
      CAPTURE(command);
      CHECK(text.find("\n        '" + command + ":") != std::string::npos);   // in the list of commands
      CHECK(text.find("\n        " + command + ")\n") != std::string::npos);  // and a case of its own
      for (const auto& option : help_options(command)) {
        CAPTURE(option);
        CHECK(mentions(text, option));
      }
    }
    if (have("zsh")) {
      const auto r = shell("zsh -n '" + zsh.string() + "'");
      CHECK_MESSAGE(r.exit_code == 0, r.out);
    } else {
      MESSAGE("zsh is not installed: its syntax check is skipped");
    }
  }
}
