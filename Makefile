# netcards — everyday tasks. `make help` lists them.
#
#   make deps                       install the system libraries the build needs (Debian/Ubuntu, via apt-get)
#   make build                      debug build (.build/debug/netcards)
#   make review ARGS="--deck protocols"
#                                   build, then run a review with ARGS
#   make test                       run every test target (unit and end-to-end)
#   make release                    release build (.build/release/netcards): Swift runtime linked in, stripped
#   make release-check              release build, then the tests of it (only system libraries loaded, stripped)
#   make install PREFIX=/usr/local  release build; installs the binary and bash/zsh/fish completions
#                                   (DESTDIR is honoured for staged installs)
#   make fuzz [FUZZ_RUNS=N]         run the libFuzzer targets in Fuzz/ (docs/fuzzing.md)
#   SCRATCH=.build-mine             build somewhere other than .build (e.g. beside another build in progress)

SWIFT       ?= swift
PREFIX      ?= /usr/local
DESTDIR     ?=
ARGS        ?=
SCRATCH     ?= .build

# The one list of system packages (.ci/run installs them through `make deps` too). The build: libedit-dev,
# libsqlite3-dev, libzstd-dev, zlib1g-dev, pkg-config; git and ca-certificates: SwiftPM fetches the package
# dependencies; the tests: sqlite3 (inspecting stores), util-linux (prlimit, mount for the full-disk tests), and
# dnsutils, curl, iproute2, netcat-openbsd (the labs run dig, curl, ss, ip and nc).
APT_PACKAGES := libedit-dev libsqlite3-dev libzstd-dev zlib1g-dev pkg-config git ca-certificates \
                sqlite3 util-linux dnsutils curl iproute2 netcat-openbsd
SWIFTPM      = --scratch-path $(SCRATCH)
DEBUG_BIN    = $(SCRATCH)/debug/netcards
# Swift's runtime and Foundation linked in (a start-up without loading them), the symbol table stripped at link.
RELEASE      = -c release --static-swift-stdlib -Xlinker -s

BINDIR      = $(DESTDIR)$(PREFIX)/bin
BASHCOMPDIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHCOMPDIR = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

.PHONY: help deps build review test release release-check install

help:
	@sed -n '2,14p' $(firstword $(MAKEFILE_LIST)) | sed 's/^# \{0,1\}//'

# Installs only what `dpkg -s` reports missing: as root directly, otherwise through sudo.
deps:
	@if ! command -v dpkg >/dev/null 2>&1; then \
	    echo "deps: no dpkg here (not Debian/Ubuntu): install your system's equivalents of $(APT_PACKAGES)"; \
	    exit 0; \
	fi; \
	missing=""; \
	for package in $(APT_PACKAGES); do \
	    dpkg -s "$$package" >/dev/null 2>&1 || missing="$$missing $$package"; \
	done; \
	if [ -z "$$missing" ]; then \
	    echo "deps: all present ($(APT_PACKAGES))"; \
	    exit 0; \
	fi; \
	if [ "$$(id -u)" -eq 0 ]; then \
	    sudo=""; \
	elif command -v sudo >/dev/null 2>&1; then \
	    sudo="sudo"; \
	else \
	    echo "deps: missing:$$missing — run 'make deps' as root, or install sudo" >&2; \
	    exit 1; \
	fi; \
	echo "deps: installing$$missing"; \
	$$sudo env DEBIAN_FRONTEND=noninteractive apt-get update && \
	$$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing

build: deps
	$(SWIFT) build $(SWIFTPM)

review: deps build
	$(DEBUG_BIN) review $(ARGS)

test: deps
	$(SWIFT) test $(SWIFTPM)

release: deps
	$(SWIFT) build $(SWIFTPM) $(RELEASE)

release-check: release
	$(SWIFT) test $(SWIFTPM) --filter ReleaseBinaryTests

install: release
	@bin="$$($(SWIFT) build $(SWIFTPM) $(RELEASE) --show-bin-path)/netcards"; \
	set -e; \
	install -d "$(BINDIR)" "$(BASHCOMPDIR)" "$(ZSHCOMPDIR)" "$(FISHCOMPDIR)"; \
	install -m 755 "$$bin" "$(BINDIR)/netcards"; \
	tmp="$$(mktemp -d)"; trap 'rm -rf "$$tmp"' EXIT; \
	"$$bin" --generate-completion-script bash > "$$tmp/netcards"; \
	"$$bin" --generate-completion-script zsh  > "$$tmp/_netcards"; \
	"$$bin" --generate-completion-script fish > "$$tmp/netcards.fish"; \
	install -m 644 "$$tmp/netcards"      "$(BASHCOMPDIR)/netcards"; \
	install -m 644 "$$tmp/_netcards"     "$(ZSHCOMPDIR)/_netcards"; \
	install -m 644 "$$tmp/netcards.fish" "$(FISHCOMPDIR)/netcards.fish"; \
	echo "installed $(BINDIR)/netcards and its bash, zsh and fish completions"

# make fuzz [FUZZ_RUNS=N]: the libFuzzer targets in Fuzz/ (their own package, so the sanitizer flags never
# reach the normal build): builds each with -sanitize=fuzzer,address, then runs each for FUZZ_RUNS inputs
# (default a million) from its seeds. A crash, hang (-timeout), leak or broken invariant stops it with the
# input saved in Fuzz/ (replay it without ASAN_OPTIONS for allocation stacks). docs/fuzzing.md has the
# commands one by one and the last results.
FUZZ_RUNS    ?= 1000000
FUZZ_SCRATCH ?= .build-fuzz
FUZZ_TARGETS := FuzzDeckParser:deck-parser:../Decks FuzzAnswerChecker:answer-checker:Seeds/answer-checker:-max_len=4096 \
                FuzzImportReaders:import-readers:Seeds/import-readers \
                FuzzOutputSanitiser:output-sanitiser:Seeds/output-sanitiser \
                FuzzAnkiCollection:anki-collection:Seeds/anki-collection:-detect_leaks=0

.PHONY: fuzz
fuzz: deps
	@cd Fuzz && set -e; \
	for entry in $(FUZZ_TARGETS); do \
	    target=$${entry%%:*}; \
	    $(SWIFT) build -c release --scratch-path $(FUZZ_SCRATCH) -Xswiftc -sanitize=fuzzer,address --product $$target; \
	done; \
	export LSAN_OPTIONS=suppressions=$$PWD/lsan-suppressions.txt ASAN_OPTIONS=malloc_context_size=0; \
	for entry in $(FUZZ_TARGETS); do \
	    target=$${entry%%:*}; rest=$${entry#*:}; corpus=.corpus/$${rest%%:*}; rest=$${rest#*:}; \
	    seeds=$${rest%%:*}; flags=; case $$rest in *:*) flags=$${rest#*:};; esac; \
	    mkdir -p $$corpus; \
	    echo "fuzz: $$target, $(FUZZ_RUNS) inputs"; \
	    $(FUZZ_SCRATCH)/release/$$target -runs=$(FUZZ_RUNS) -timeout=10 -print_final_stats=1 $$flags $$corpus $$seeds; \
	done
