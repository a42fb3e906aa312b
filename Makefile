# Makefile: build, run and test giamkhao. `make help` lists the targets.

CC      ?= cc
PKGS    := jansson libsodium libmicrohttpd sqlite3 libqrencode libpng
# Packages the build and the tests need (Debian 12); `make deps` installs
# the missing ones. DEV_DEBS are for lint, format and fuzz targets.
DEBS     := build-essential pkg-config libjansson-dev libcsv-dev \
	    libunistring-dev libsodium-dev libsqlite3-dev libmicrohttpd-dev \
	    libhpdf-dev libpng-dev libqrencode-dev fonts-noto-core python3-fonttools \
	    python3-pil python3-cryptography poppler-utils qpdf zbar-tools python3 \
	    chromium nodejs valgrind \
	    libxlsxwriter-dev python3-openpyxl
DEV_DEBS := clang clang-format clang-tidy cppcheck libclang-rt-14-dev
# `make bench` drives the server with wrk (loopback only), and draws the
# certificates' baseline with reportlab and qrcode (bench/certs.py).
BENCH_DEBS := wrk python3-reportlab python3-qrcode

WARN    := -Wall -Wextra -Werror -pedantic -Wshadow -Wstrict-prototypes \
	   -Wmissing-prototypes -Wpointer-arith -Wcast-qual -Wwrite-strings \
	   -Wformat=2 -Wvla -fno-common
HARDEN  := -fstack-protector-strong -D_FORTIFY_SOURCE=2
CFLAGS_BASE = -std=c17 -D_POSIX_C_SOURCE=200809L -g $(WARN) -MMD -MP \
	   $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS  = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lhpdf -lcsv \
	  -lunistring -lxlsxwriter -lm

# Variants: release (default) and asan (ASan + UBSan, no recovery).
VARIANT ?= release
ifeq ($(VARIANT),asan)
OPT := -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
       -fno-sanitize-recover=all
else
OPT := -O2 $(HARDEN)
endif
CFLAGS  ?=
ALL_CFLAGS = $(CFLAGS_BASE) $(OPT) $(CFLAGS)
ALL_LDFLAGS = $(OPT) $(LDFLAGS)

B := build/$(VARIANT)

# Quiet by default; `make V=1` shows the commands.
ifeq ($(V),1)
Q :=
else
Q := @
endif

COMMON_SRC  := $(wildcard common/*.c)
SCORING_SRC := $(wildcard scoring/*.c)
FORMS_SRC   := $(wildcard forms/*.c)
CERT_SRC    := $(wildcard certificates/*.c)
SERVER_SRC  := $(wildcard server/*.c server/db/*.c)
CORE_SRC    := $(COMMON_SRC) $(SCORING_SRC) $(FORMS_SRC) $(CERT_SRC)
STATIC      := $(sort $(wildcard forms/static/*))
PRESETS     := $(sort $(wildcard scoring/presets/*.json))
UNIT_SRC    := $(wildcard tests/unit/*.c)
FUZZ_SRC    := $(wildcard tests/fuzz/fuzz_*.c)

CORE_OBJ   := $(CORE_SRC:%.c=$(B)/obj/%.o)
GEN_OBJ    := $(B)/obj/gen/assets.o $(B)/obj/gen/presets.o \
	      $(B)/obj/gen/fonts.o
SERVER_OBJ := $(SERVER_SRC:%.c=$(B)/obj/%.o) $(GEN_OBJ)
UNIT_OBJ   := $(UNIT_SRC:%.c=$(B)/obj/%.o)

BIN   := $(B)/giamkhao
UNIT  := $(B)/unit-tests
BENCH := build/release/bench-scoring
FSYNC := build/release/bench-fsync
HELLO := build/release/bench-hello
REPLAY_NAMES := $(FUZZ_SRC:tests/fuzz/fuzz_%.c=replay-%)
REPLAY := $(addprefix $(B)/,$(REPLAY_NAMES))

.PHONY: all deps dev-deps run offline-demo test asan unit lint format format-check \
	check-deps bench fuzz clean help

all: $(BIN)

help:
	@echo "make              build build/release/giamkhao"
	@echo "make run          install, build, demo database, serve on 127.0.0.1:8080"
	@echo "make offline-demo the offline scorer on every program's demo scores"
	@echo "make test         install, build, run every test (also under ASan/UBSan)"
	@echo "make asan         build and run the tests under ASan + UBSan only"
	@echo "make deps         install missing Debian packages (root)"
	@echo "make lint         cppcheck, clang-tidy, banned functions"
	@echo "make format       clang-format the sources; make format-check checks"
	@echo "make check-deps   enforce design.md's include rules"
	@echo "make bench        benchmarks: scoring core vs SQLite, sheet saves vs fsync,"
	@echo "                  certificates vs reportlab, load and abuse vs a bare"
	@echo "                  libmicrohttpd server; ends with one table"
	@echo "make fuzz         run each fuzz target (FUZZ_SECONDS=60)"

# The browser test also needs npm (Debian's nodejs lacks it, NodeSource's
# has it) and playwright-core, pinned by tests/browser/package-lock.json.
deps:
	@./scripts/deps.sh $(DEBS)
	@command -v npm >/dev/null 2>&1 || ./scripts/deps.sh npm
	@[ -d tests/browser/node_modules/playwright-core ] || \
		(cd tests/browser && npm ci --no-audit --no-fund)

dev-deps:
	@./scripts/deps.sh $(DEBS) $(DEV_DEBS)

$(B)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC ($(VARIANT)) $<"
	$(Q)$(CC) $(ALL_CFLAGS) -c $< -o $@

# Static files and preset rubrics compiled into the binary.
$(B)/gen/assets.c: $(STATIC) scripts/embed.sh
	@mkdir -p $(dir $@)
	$(Q)EMBED_GZIP=1 ./scripts/embed.sh $@ asset_find $(STATIC)
$(B)/gen/presets.c: $(PRESETS) scripts/embed.sh
	@mkdir -p $(dir $@)
	$(Q)./scripts/embed.sh $@ preset_find $(PRESETS)
# The PDFs' fonts: Noto Sans (cards, reports) and Noto Serif (certificates)
# cut down to Latin and Vietnamese (libharu embeds the whole file in every
# document), names and licence kept. The folder is renamed whenever the cut
# changes (2: the đồng sign ₫ for the report's money; 3: the 'prep' table
# below; 4: the one-segment character map), so no build keeps an older cut.
NOTO := /usr/share/fonts/truetype/noto
FONT_DIR := build/fonts/4
FONTS := $(FONT_DIR)/NotoSans-Regular.ttf $(FONT_DIR)/NotoSans-Bold.ttf \
	 $(FONT_DIR)/NotoSerif-Regular.ttf $(FONT_DIR)/NotoSerif-Bold.ttf
FONT_UNICODES := U+0020-007E,U+00A0-00FF,U+0102-0103,U+0110-0111,\
	U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0303,U+0309,\
	U+0323,U+1EA0-1EF9,U+2013-2014,U+2018-201D,U+2022,U+2026,U+20AB,U+2116
# scripts/font_prep.py then adds a 'prep' table (libharu fails to save
# some documents without one) and makes the character map one segment
# (libharu walks it for all 65 536 code points in every document).
$(FONT_DIR)/%.ttf: $(NOTO)/%.ttf scripts/font_prep.py
	@mkdir -p $(dir $@)
	@echo "  FONT $@"
	$(Q)/usr/bin/python3 -m fontTools.subset $< --output-file=$@.cut \
		--unicodes='$(FONT_UNICODES)' --name-IDs='*' --name-languages='*' \
		--layout-features='*' --notdef-outline --no-hinting
	$(Q)/usr/bin/python3 scripts/font_prep.py $@.cut $@
	$(Q)rm -f $@.cut
$(B)/gen/fonts.c: $(FONTS) scripts/embed.sh
	@mkdir -p $(dir $@)
	$(Q)./scripts/embed.sh $@ font_find $(FONTS)
$(B)/obj/gen/%.o: $(B)/gen/%.c
	@mkdir -p $(dir $@)
	@echo "  CC ($(VARIANT)) $<"
	$(Q)$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BIN): $(CORE_OBJ) $(SERVER_OBJ)
	@echo "  LD $@"
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LDLIBS)

$(UNIT): $(CORE_OBJ) $(UNIT_OBJ)
	@echo "  LD $@"
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LDLIBS)

# The fault injection shim (tests/fault/shim.c), preloaded into the
# release server by tests/fault/test_faults.py.
build/release/libfault.so: tests/fault/shim.c
	@echo "  LD $@"
	$(Q)$(CC) -std=c17 -O2 -g -Wall -Wextra -Werror -shared -fPIC -o $@ $< -ldl

# Fuzz targets replayed over their corpora by a plain driver (no clang).
$(B)/replay-%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(CORE_OBJ)
	@echo "  LD $@"
	$(Q)$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $^ $(LDLIBS)

unit: deps
	@$(MAKE) --no-print-directory $(UNIT) $(BIN) $(REPLAY)

run: deps
	@$(MAKE) --no-print-directory $(BIN)
	@./scripts/run.sh $(BIN)

# The offline scorer on each program's demo scores (no server).
offline-demo: deps
	@$(MAKE) --no-print-directory $(BIN)
	@./scripts/offline-demo.sh $(BIN)

test: deps
	@$(MAKE) --no-print-directory VARIANT=release build/release/giamkhao \
		build/release/unit-tests $(addprefix build/release/,$(REPLAY_NAMES)) \
		build/release/libfault.so
	@$(MAKE) --no-print-directory VARIANT=asan build/asan/giamkhao \
		build/asan/unit-tests $(addprefix build/asan/,$(REPLAY_NAMES))
	@./tests/run.sh

asan: deps
	@$(MAKE) --no-print-directory VARIANT=asan build/asan/giamkhao \
		build/asan/unit-tests $(addprefix build/asan/,$(REPLAY_NAMES))
	@VARIANTS=asan ./tests/run.sh

$(BENCH): bench/bench_scoring.c $(CORE_SRC:%.c=build/release/obj/%.o)
	@echo "  LD $@"
	$(Q)$(CC) $(CFLAGS_BASE) -O2 -o $@ $^ $(LDLIBS) -lsqlite3

$(FSYNC): bench/bench_fsync.c
	@echo "  LD $@"
	$(Q)$(CC) $(CFLAGS_BASE) -O2 -o $@ $^ -lsqlite3

$(HELLO): bench/hello.c
	@echo "  LD $@"
	$(Q)$(CC) $(CFLAGS_BASE) -D_DEFAULT_SOURCE -O2 -o $@ $^ -lmicrohttpd

BENCH_SECONDS ?= 40
LOAD_SECONDS ?= 60
bench: deps
	@./scripts/deps.sh $(BENCH_DEBS)
	@$(MAKE) --no-print-directory VARIANT=release $(BENCH) $(FSYNC) \
		$(HELLO) build/release/giamkhao
	@rm -rf build/release/bench-results && mkdir -p build/release/bench-results
	-@$(BENCH) | tee build/release/bench-results/scoring.txt
	-@python3 bench/sheets.py build/release/giamkhao $(FSYNC) $(BENCH_SECONDS)
	-@/usr/bin/python3 bench/certs.py build/release/giamkhao
	-@python3 bench/load.py build/release/giamkhao $(HELLO) $(LOAD_SECONDS)
	@python3 bench/report.py

FUZZ_SECONDS ?= 60
fuzz: dev-deps
	@./tests/fuzz/run.sh $(FUZZ_SECONDS)

SOURCES = $(shell git ls-files '*.c' '*.h' 2>/dev/null || \
	    find common scoring forms certificates server tests bench \
	    -name '*.[ch]')

format:
	clang-format -i $(SOURCES)

format-check:
	@clang-format --dry-run --Werror $(SOURCES) && echo "format: ok"

check-deps: all
	@./scripts/check-deps.sh

lint: dev-deps
	@./scripts/lint.sh

clean:
	rm -rf build

-include $(shell find build -name '*.d' 2>/dev/null)
