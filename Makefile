# svcorg: the two commands of the README, and the set-up they need.
#   make run    installs what is missing, builds, and runs svcorg on the example district
#   make test   installs what is missing, builds, and runs the whole test suite
BUILD   ?= build
JOBS    ?= 2
CMAKE_FLAGS ?=

# Debian packages: build, run, and test (valijson/nlohmann check the JSON Schemas;
# cmark-gfm renders the reports to HTML in the tests: a test dependency, not a runtime one).
PACKAGES = cmake make g++ pkg-config libyaml-dev libyaml-cpp-dev libcli11-dev libfmt-dev doctest-dev \
           nlohmann-json3-dev libvalijson-dev libutf8proc-dev libxxhash-dev libmimalloc-dev python3 cmark-gfm \
           python3-yaml

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps deps-fuzz build run test test-sanitize fuzz-smoke test-sarif-multitool clean
all: build

deps:
	@missing=$$(for p in $(PACKAGES); do \
	    dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing Debian packages:" $$missing; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# clang, its libFuzzer/sanitizer runtimes and cmark-gfm's library (fuzz_escape's oracle),
# for `make test-sanitize`, `make fuzz-smoke` and fuzz/run.sh.
deps-fuzz:
	@$(MAKE) --no-print-directory deps PACKAGES="clang libclang-rt-14-dev libcmark-gfm-dev libcmark-gfm-extensions-dev"

$(BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j$(JOBS)

run: build
	./$(BUILD)/svcorg validate examples/
	./$(BUILD)/svcorg score examples/ --year 2025 -q
	./$(BUILD)/svcorg report examples/ --year 2025 -o $(BUILD)/report-district-2025.md

test: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSVCORG_WERROR=ON $(CMAKE_FLAGS)
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
test-sarif-multitool: build
	@command -v npm >/dev/null || $(MAKE) --no-print-directory deps PACKAGES=npm
	@pkg=$(SARIF_MULTITOOL_DIR)/node_modules/@microsoft/sarif-multitool-linux; \
	if [ "$$(node -p "require(require('path').resolve('$$pkg/package.json')).version" 2>/dev/null)" != $(SARIF_MULTITOOL_VERSION) ]; then \
	  npm install --prefix $(SARIF_MULTITOOL_DIR) --no-save --no-audit --no-fund --loglevel=error \
	    @microsoft/sarif-multitool-linux@$(SARIF_MULTITOOL_VERSION) && chmod u+x $$pkg/Sarif.Multitool; fi
	cd $(BUILD) && ctest --output-on-failure -R '^sarif_multitool$$'

clean:
	rm -rf $(BUILD) $(SAN_BUILD)
