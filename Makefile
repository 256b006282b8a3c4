# svcorg: the two commands of the README, and the set-up they need.
#   make run    installs what is missing, builds, and runs svcorg on the example district
#   make test   installs what is missing, builds, and runs the whole test suite
BUILD   ?= build
JOBS    ?= 2
CMAKE_FLAGS ?=

# Debian packages, one list per purpose (the one source of truth: the CI files `svcorg init`
# writes install SOURCE_PACKAGES and BUILD_PACKAGES, tests/unit/test_init_ci.cpp checks it).
#   BUILD_PACKAGES   building svcorg. libmimalloc-dev is optional (CMake uses it when found;
#                    a third faster on large districts, docs/PERFORMANCE.md). libxlsxwriter-dev
#                    writes the `--format xlsx` workbooks. libsqlite3-dev and libpq-dev are the
#                    databases' own client libraries `svcorg export` writes through.
#   TEST_PACKAGES    the test suite: doctest; valijson checks the JSON Schemas; yaml-cpp is
#                    the YAML parser's differential oracle; python3-yaml the reference scores
#                    and the generators' built-in model (tools/svcorg_model.py);
#                    cmark-gfm renders reports to HTML; python3-openpyxl reads the XLSX back;
#                    sqlite3 and postgresql (a throw-away server the test starts) read exports back.
#   BROWSER_PACKAGES `make test` only (not `make run`: a browser is a large download):
#                    chromium, fonts-noto-cjk (its Chinese font) and poppler-utils (pdfinfo,
#                    pdftotext) print the HTML reports to PDF (tests/report_browser.sh).
#   SOURCE_PACKAGES  getting svcorg's source with git over https (CI jobs, not this Makefile).
#   DEB_PACKAGES     `make deb`: dpkg-shlibdeps (dpkg-dev) and file, which CPack uses to find
#                    the executables whose libraries become the package's Depends.
#   FRESH_PACKAGES   the clean-root tests (tests/fresh/): mmdebstrap builds the roots,
#                    python3-yaml reads the CI files.
#   FORMAT_PACKAGES  `make check-format` and `make format`: clang-format 14 (Debian 12's), the
#                    version the tree is formatted with (another version formats differently).
BUILD_PACKAGES  = cmake make g++ pkg-config libyaml-dev libcli11-dev libfmt-dev nlohmann-json3-dev libutf8proc-dev libxxhash-dev libmimalloc-dev libxlsxwriter-dev libsqlite3-dev libpq-dev
TEST_PACKAGES   = doctest-dev libvalijson-dev libyaml-cpp-dev python3 python3-yaml cmark-gfm python3-openpyxl sqlite3 postgresql
BROWSER_PACKAGES = chromium fonts-noto-cjk poppler-utils
SOURCE_PACKAGES = ca-certificates git
DEB_PACKAGES    = dpkg-dev file
FRESH_PACKAGES  = mmdebstrap python3 python3-yaml
FORMAT_PACKAGES = clang-format git
PACKAGES = $(BUILD_PACKAGES) $(TEST_PACKAGES)

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all check-format format deps deps-browser deps-fuzz deps-fresh build svcorg run test test-sanitize fuzz-smoke test-sarif-multitool report-images deb test-fresh test-ci-templates test-deb clean
all: build

deps:
	@missing=$$(for p in $(PACKAGES); do \
	    dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing Debian packages:" $$missing; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

deps-browser:
	@$(MAKE) --no-print-directory deps PACKAGES="$(BROWSER_PACKAGES)"

# The C++ sources as .clang-format has them (every tracked .cpp and .hpp). check-format
# changes nothing and names each file that differs; format rewrites them.
FORMAT_FILES = git ls-files -z '*.cpp' '*.hpp'
check-format:
	@$(MAKE) --no-print-directory deps PACKAGES="$(FORMAT_PACKAGES)"
	@bad=$$($(FORMAT_FILES) | xargs -0 -n 50 sh -c 'for f; do clang-format --dry-run --Werror "$$f" >/dev/null 2>&1 || echo "$$f"; done' sh); \
	if [ -n "$$bad" ]; then \
	  echo "These files are not formatted as .clang-format says (clang-format $$(clang-format --version | grep -o '[0-9][0-9.]*' | head -1)):"; \
	  echo "$$bad" | sed 's/^/  /'; \
	  echo "Run 'make format' (or clang-format -i FILE) and commit the result."; exit 1; \
	fi; echo "check-format: every C++ file is formatted"
format:
	@$(MAKE) --no-print-directory deps PACKAGES="$(FORMAT_PACKAGES)"
	@$(FORMAT_FILES) | xargs -0 clang-format -i

# clang, its libFuzzer/sanitizer runtimes and cmark-gfm's library (fuzz_escape's oracle),
# for `make test-sanitize`, `make fuzz-smoke` and fuzz/run.sh.
deps-fuzz:
	@$(MAKE) --no-print-directory deps PACKAGES="clang libclang-rt-14-dev libcmark-gfm-dev libcmark-gfm-extensions-dev"

# `make run` and `make test` configure alike, so `make test` after `make run` reuses its
# objects; `make run` builds only the svcorg executable, not the test suite.
CONFIGURE = cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSVCORG_WERROR=ON $(CMAKE_FLAGS)

build: deps
	$(CONFIGURE)
	cmake --build $(BUILD) -j$(JOBS)

svcorg: deps
	$(CONFIGURE)
	cmake --build $(BUILD) -j$(JOBS) --target svcorg_cli

run: svcorg
	./$(BUILD)/svcorg validate examples/
	./$(BUILD)/svcorg score examples/ --year 2025 -q
	./$(BUILD)/svcorg report examples/ --year 2025 -o $(BUILD)/report-district-2025.md

test: deps deps-browser
	$(CONFIGURE)
	cmake --build $(BUILD) -j$(JOBS)
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

# The whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer (clang), in one
# build that also holds the libFuzzer targets: `make fuzz-smoke` reuses it.
SAN_BUILD    ?= build-san
FUZZ_SECONDS ?= 60
# -O1 with line tables only: the usual sanitizer set-up, and a faster build than -O2 -g.
SAN_FLAGS = -DCMAKE_BUILD_TYPE=None "-DCMAKE_CXX_FLAGS=-O1 -gline-tables-only" -DCMAKE_CXX_COMPILER=clang++ \
            -DSVCORG_SANITIZE=ON -DSVCORG_FUZZ=ON -DSVCORG_WERROR=ON

test-sanitize: deps deps-fuzz
	cmake -S . -B $(SAN_BUILD) $(SAN_FLAGS) $(CMAKE_FLAGS)
	cmake --build $(SAN_BUILD) -j$(JOBS)
	cd $(SAN_BUILD) && ctest --output-on-failure -j$(JOBS)

# Each fuzz target for FUZZ_SECONDS (docs/RELIABILITY.md); a crash fails.
fuzz-smoke: deps deps-fuzz
	cmake -S . -B $(SAN_BUILD) $(SAN_FLAGS) $(CMAKE_FLAGS)
	JOBS=$(JOBS) fuzz/run.sh $(FUZZ_SECONDS) $(SAN_BUILD)

# Microsoft's SARIF validator (npm @microsoft/sarif-multitool-linux, a pinned version) into
# $(BUILD)/sarif-multitool, then its CTest test (tests/sarif_multitool.sh), which `make test`
# reports as skipped until this has run. npm comes from Debian when it is missing.
SARIF_MULTITOOL_VERSION = 5.7.0
SARIF_MULTITOOL_DIR = $(BUILD)/sarif-multitool
# The screenshots of the README (docs/images/report-*.png): the example district's HTML
# reports in headless Chromium, as the report_browser test takes them.
report-images: svcorg deps-browser
	bash tests/report_browser.sh $(BUILD)/svcorg $(BUILD)/report-browser
	cp $(BUILD)/report-browser/report-*.png docs/images/

test-sarif-multitool: build
	@command -v npm >/dev/null || $(MAKE) --no-print-directory deps PACKAGES=npm
	@pkg=$(SARIF_MULTITOOL_DIR)/node_modules/@microsoft/sarif-multitool-linux; \
	if [ "$$(node -p "require(require('path').resolve('$$pkg/package.json')).version" 2>/dev/null)" != $(SARIF_MULTITOOL_VERSION) ]; then \
	  npm install --prefix $(SARIF_MULTITOOL_DIR) --no-save --no-audit --no-fund --loglevel=error \
	    @microsoft/sarif-multitool-linux@$(SARIF_MULTITOOL_VERSION) && chmod u+x $$pkg/Sarif.Multitool; fi
	cd $(BUILD) && ctest --output-on-failure -R '^sarif_multitool$$'

# The Debian package: a Release build without the tests, packaged by CPack (CMakeLists.txt).
DEB_BUILD ?= build-deb
deb:
	@$(MAKE) --no-print-directory deps PACKAGES="$(BUILD_PACKAGES) $(DEB_PACKAGES)"
	cmake -S . -B $(DEB_BUILD) -DCMAKE_BUILD_TYPE=Release -DSVCORG_TESTS=OFF -DSVCORG_WERROR=ON $(CMAKE_FLAGS)
	cmake --build $(DEB_BUILD) -j$(JOBS)
	rm -f $(DEB_BUILD)/svcorg_*.deb
	cd $(DEB_BUILD) && cpack -G DEB
	@echo "The package:" $(DEB_BUILD)/svcorg_*.deb

# On clean Debian 12 roots (mmdebstrap; as root: chroot and mounts; docs/ADOPTION.md):
#   test-fresh         a clone of HEAD: the README's two commands, `make run` then `make test`
#   test-ci-templates  the jobs of the CI files `svcorg init` writes, on a new records repository
#   test-deb           `make deb`, then the package installed with apt-get and run
deps-fresh:
	@$(MAKE) --no-print-directory deps PACKAGES="$(FRESH_PACKAGES)"

test-fresh: deps-fresh
	$(SUDO) JOBS=$(JOBS) tests/fresh/test-fresh.sh

test-ci-templates: deps-fresh svcorg
	$(SUDO) tests/fresh/test-ci-templates.sh ./$(BUILD)/svcorg

test-deb: deps-fresh deb
	$(SUDO) tests/fresh/test-deb.sh $(DEB_BUILD)

clean:
	rm -rf $(BUILD) $(SAN_BUILD) $(DEB_BUILD)
