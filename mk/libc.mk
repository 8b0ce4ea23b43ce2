# SPDX-License-Identifier: MIT
#
# The C library: l4re-libc (src/pkg/l4re-libc/, docs there).  musl from
# dl/musl-1.2.3 (fetched by ./setup) is built out of tree with the package's
# overlay and installed to $(LIBC_DIR) (include/, lib/libc.a, lib/crt*.o);
# the package itself is the backend library, libl4re-libc.a.
#
# A package uses the C library by naming it: REQUIRES_LIBS = l4re-libc.
# mk/pkg.mk then compiles it hosted against musl's headers (LIBC_CFLAGS),
# after musl is installed (LIBC_STAMP), and links crt1.o crti.o <objects>
# libc.a <libraries> crtn.o, with LIBRARY_PATH pointing at the library
# directory so that `-lc` in LDFLAGS_EXTRA finds it too.  (Only for target
# links: exported globally, the host compiler would pick up musl's
# AArch64 crt files.)

LIBC_PKG   := l4re-libc
LIBC_DIR   := $(L4_OBJ)/lib/l4re-libc
LIBC_BUILD := $(L4_OBJ)/pkg/l4re-libc/musl
LIBC_SRC   := dl/musl-1.2.3
LIBC_STAMP := $(LIBC_DIR)/.installed
LIBC_CFLAGS = -fhosted -nostdinc -isystem $(LIBC_DIR)/include -isystem $(GCC64_INCDIR)
LIBC_CRT_BEGIN := $(LIBC_DIR)/lib/crt1.o $(LIBC_DIR)/lib/crti.o
LIBC_CRT_END   := $(LIBC_DIR)/lib/crtn.o
LIBC_A         := $(LIBC_DIR)/lib/libc.a

LIBC_LIBRARY_PATH := $(abspath $(LIBC_DIR)/lib)

# True (non-empty) when package $(1) is the C library or requires it.
pkg_uses_libc = $(filter $(LIBC_PKG),$(1) $(call pkg_libs,$(1)))

LIBC_OVERLAY := $(PKG_$(LIBC_PKG)_DIR)/overlay
LIBC_DEPS    := $(PKG_$(LIBC_PKG)_DIR)/build-musl.sh $(LIBC_SRC)/VERSION \
		$(shell find $(LIBC_OVERLAY) -type f 2>/dev/null)

# musl's own make is incremental; this stamp keeps `make` from even
# starting it when nothing of ours or musl's changed.  `+`: its make joins
# our jobserver (make -j2).
$(LIBC_STAMP): $(LIBC_DEPS) | toolchain-check
	@echo "  MUSL    $(LIBC_DIR) (log: $(LIBC_BUILD)/build.log)"
	$(Q)mkdir -p $(LIBC_BUILD)
	+$(Q)MAKE="$(MAKE)" $(PKG_$(LIBC_PKG)_DIR)/build-musl.sh $(LIBC_SRC) $(LIBC_OVERLAY) \
		$(LIBC_BUILD) $(LIBC_DIR) "$(CROSS_COMPILE_ARM64)" >$(LIBC_BUILD)/build.log 2>&1 \
		|| { tail -n 30 $(LIBC_BUILD)/build.log; exit 1; }
	$(Q)touch $@

$(LIBC_A) $(LIBC_CRT_BEGIN) $(LIBC_CRT_END): $(LIBC_STAMP)

.PHONY: libc
libc: $(LIBC_STAMP)
