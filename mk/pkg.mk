# SPDX-License-Identifier: MIT
#
# Package rules in the style of L4Re's build system.  Every directory
# src/pkg/<name>/, tools/<name>/, tests/ktest/, tests/fixtures/<name>/ and
# bench/<name>/ with a
# Makefile is a package; its Makefile only declares variables:
#
#   TARGET         output name (library: lib$(TARGET).a, or TARGET = libfoo.a)
#   MODE           lib | static | host
#   SRC_C, SRC_S   sources, relative to the package directory
#   REQUIRES_LIBS  package names of the libraries it needs (transitively closed)
#   PUBLIC_INCDIR  exported include dir (default: include, if it exists)
#   LINK_ADDR      static programs: text segment address (default 0x01000000)
#   LDSCRIPT       static programs: own linker script instead of LINK_ADDR
#   CFLAGS_EXTRA   more compiler flags; $(PKGDIR) names the package directory
#   LDFLAGS_EXTRA  more linker flags
#   LIBS_EXTRA     more archives, linked in the group with the libraries
#                  (a program that builds a library of its own)
#
# A package whose REQUIRES_LIBS closure holds the C library (l4re-libc) is
# compiled hosted against its headers and linked with its crt files and
# libc.a (mk/libc.mk).
#
# Outputs: objects in obj/l4/arm64/pkg/<name>/ (host: obj/host/pkg/<name>/),
# libraries in obj/l4/arm64/lib/, programs in obj/l4/arm64/bin/, host tools
# in obj/host/bin/.  Nothing here names a package: adding one needs no edit.

PKG_VARS := TARGET MODE SRC_C SRC_S REQUIRES_LIBS PUBLIC_INCDIR LINK_ADDR \
	    LDSCRIPT CFLAGS_EXTRA LDFLAGS_EXTRA LIBS_EXTRA

PKG_DIRS := $(patsubst %/Makefile,%,$(sort $(wildcard src/pkg/*/Makefile)) \
	      $(sort $(wildcard tools/*/Makefile)) $(wildcard tests/ktest/Makefile) \
	      $(sort $(wildcard tests/fixtures/*/Makefile)) \
	      $(sort $(wildcard bench/*/Makefile)))
PKG_NAMES := $(notdir $(PKG_DIRS))

ifneq ($(words $(PKG_NAMES)),$(words $(sort $(PKG_NAMES))))
  $(error two packages share a name: $(PKG_DIRS))
endif

# Read one package Makefile into PKG_<name>_<VAR>; the name is the
# directory's basename unless a second argument gives one (mk/extpkg-build.mk).
define pkg_read
$(foreach v,$(PKG_VARS),$(eval $(v) :=))
$(eval PKGDIR := $(1))
$(eval include $(1)/Makefile)
$(foreach v,$(PKG_VARS),$(eval PKG_$(or $(2),$(notdir $(1)))_$(v) := $$(strip $$($(v)))))
$(eval PKG_$(or $(2),$(notdir $(1)))_DIR := $(1))
endef
$(foreach d,$(PKG_DIRS),$(call pkg_read,$(d)))
$(foreach v,$(PKG_VARS),$(eval $(v) :=))
PKGDIR :=

L4_OBJ   := obj/l4/arm64
HOST_OBJ := obj/host

# Defaults and checks.  OBJDIR, BINDIR and LIBDIR (where objects, programs
# and libraries go) are not package variables: only an out-of-tree build
# (mk/extpkg-build.mk) sets them, before this runs.
define pkg_defaults
$(if $(filter lib static host,$(PKG_$(1)_MODE)),,\
  $(error $(PKG_$(1)_DIR)/Makefile: MODE must be lib, static or host (is '$(PKG_$(1)_MODE)')))
$(if $(PKG_$(1)_TARGET),,$(error $(PKG_$(1)_DIR)/Makefile: TARGET is empty))
$(if $(PKG_$(1)_PUBLIC_INCDIR),,$(if $(wildcard $(PKG_$(1)_DIR)/include/.),\
  $(eval PKG_$(1)_PUBLIC_INCDIR := include)))
$(if $(PKG_$(1)_LINK_ADDR),,$(eval PKG_$(1)_LINK_ADDR := 0x01000000))
$(if $(PKG_$(1)_OBJDIR),,$(eval PKG_$(1)_OBJDIR := $(if $(filter host,$(PKG_$(1)_MODE)),$(HOST_OBJ),$(L4_OBJ))/pkg/$(1)))
$(if $(PKG_$(1)_BINDIR),,$(eval PKG_$(1)_BINDIR := $(if $(filter host,$(PKG_$(1)_MODE)),$(HOST_OBJ),$(L4_OBJ))/bin))
$(if $(PKG_$(1)_LIBDIR),,$(eval PKG_$(1)_LIBDIR := $(L4_OBJ)/lib))
$(foreach r,$(PKG_$(1)_REQUIRES_LIBS),$(if $(filter $(r),$(PKG_NAMES)),\
  $(if $(filter lib,$(PKG_$(r)_MODE)),,$(error $(PKG_$(1)_DIR)/Makefile: '$(r)' in REQUIRES_LIBS is not a library)),\
  $(error $(PKG_$(1)_DIR)/Makefile: REQUIRES_LIBS names unknown package '$(r)')))
endef
$(foreach p,$(PKG_NAMES),$(eval $(call pkg_defaults,$(p))))

# Transitive closure of REQUIRES_LIBS; a cycle trips the depth bound.
pkg_closure = $(if $(word 32,$(2)),$(error REQUIRES_LIBS cycle among: $(1)),\
	      $(foreach n,$(1),$(n) $(call pkg_closure,$(PKG_$(n)_REQUIRES_LIBS),$(2) x)))
pkg_libs = $(sort $(call pkg_closure,$(PKG_$(1)_REQUIRES_LIBS),))
pkg_incdir = $(if $(PKG_$(1)_PUBLIC_INCDIR),$(PKG_$(1)_DIR)/$(PKG_$(1)_PUBLIC_INCDIR))

# The C library (pkg_uses_libc, LIBC_*): musl + our backend.
include mk/libc.mk

# A library's TARGET may be "foo" or, as in L4Re, "libfoo.a".
pkg_lib_file = $(PKG_$(1)_LIBDIR)/$(if $(filter lib%.a,$(PKG_$(1)_TARGET)),$(PKG_$(1)_TARGET),lib$(PKG_$(1)_TARGET).a)

define pkg_rules_common
PKG_$(1)_LIBS    := $(call pkg_libs,$(1))
PKG_$(1)_INCS    := $(addprefix -I,$(call pkg_incdir,$(1)) $(PKG_$(1)_DIR) \
		    $(foreach l,$(call pkg_libs,$(1)),$(call pkg_incdir,$(l))))
PKG_$(1)_OBJS    := $(addprefix $(2)/,$(PKG_$(1)_SRC_C:.c=.o) $(PKG_$(1)_SRC_S:.S=.o))
-include $$(PKG_$(1)_OBJS:.o=.d)
endef

# Target packages (lib, static).
define pkg_rules_target
$(call pkg_rules_common,$(1),$(PKG_$(1)_OBJDIR))

$(PKG_$(1)_OBJDIR)/%.o: $(PKG_$(1)_DIR)/%.c | toolchain-check $(if $(call pkg_uses_libc,$(1)),$(LIBC_STAMP))
	@mkdir -p $$(@D)
	@echo "  CC      $$<"
	$(Q)$$(CC64) $$(TARGET_CFLAGS) $(if $(call pkg_uses_libc,$(1)),$$(LIBC_CFLAGS)) $$(PKG_$(1)_INCS) $$(PKG_$(1)_CFLAGS_EXTRA) -c $$< -o $$@

$(PKG_$(1)_OBJDIR)/%.o: $(PKG_$(1)_DIR)/%.S | toolchain-check $(if $(call pkg_uses_libc,$(1)),$(LIBC_STAMP))
	@mkdir -p $$(@D)
	@echo "  AS      $$<"
	$(Q)$$(CC64) $$(TARGET_ASFLAGS) $(if $(call pkg_uses_libc,$(1)),$$(LIBC_CFLAGS)) $$(PKG_$(1)_INCS) $$(PKG_$(1)_CFLAGS_EXTRA) -c $$< -o $$@

ifeq ($(PKG_$(1)_MODE),lib)
PKG_$(1)_OUT := $(call pkg_lib_file,$(1))
$$(PKG_$(1)_OUT): $$(PKG_$(1)_OBJS)
	@mkdir -p $$(@D)
	@echo "  AR      $$@"
	$(Q)rm -f $$@ && $$(AR64) rcs $$@ $$^
else
PKG_$(1)_OUT := $(PKG_$(1)_BINDIR)/$(PKG_$(1)_TARGET)
PKG_$(1)_LDLAYOUT := $(if $(PKG_$(1)_LDSCRIPT),-T $(PKG_$(1)_DIR)/$(PKG_$(1)_LDSCRIPT),-Wl,-Ttext-segment=$(PKG_$(1)_LINK_ADDR))
PKG_$(1)_CRT_BEGIN := $(if $(call pkg_uses_libc,$(1)),$(LIBC_CRT_BEGIN))
PKG_$(1)_CRT_END   := $(if $(call pkg_uses_libc,$(1)),$(LIBC_CRT_END))
PKG_$(1)_LIBC_A    := $(if $(call pkg_uses_libc,$(1)),$(LIBC_A))
$$(PKG_$(1)_OUT): $$(PKG_$(1)_OBJS) $(foreach l,$(call pkg_libs,$(1)),$(call pkg_lib_file,$(l))) \
		  $$(PKG_$(1)_CRT_BEGIN) $$(PKG_$(1)_CRT_END) $$(PKG_$(1)_LIBC_A) \
		  $(if $(PKG_$(1)_LDSCRIPT),$(PKG_$(1)_DIR)/$(PKG_$(1)_LDSCRIPT)) $$(PKG_$(1)_LIBS_EXTRA)
	@mkdir -p $$(@D)
	@echo "  LD      $$@"
	$(Q)$(if $(call pkg_uses_libc,$(1)),LIBRARY_PATH=$(LIBC_LIBRARY_PATH)$$$${LIBRARY_PATH:+:$$$$LIBRARY_PATH}) \
		$$(CC64) $$(TARGET_LDFLAGS) $$(PKG_$(1)_LDLAYOUT) $$(PKG_$(1)_LDFLAGS_EXTRA) -o $$@.tmp \
		$$(PKG_$(1)_CRT_BEGIN) $$(PKG_$(1)_OBJS) -Wl,--start-group $$(PKG_$(1)_LIBS_EXTRA) $$(PKG_$(1)_LIBC_A) \
		$(foreach l,$(call pkg_libs,$(1)),$(call pkg_lib_file,$(l))) -Wl,--end-group -lgcc \
		$$(PKG_$(1)_CRT_END) && mv $$@.tmp $$@
endif
endef

# Host tools.
define pkg_rules_host
$(call pkg_rules_common,$(1),$(PKG_$(1)_OBJDIR))
PKG_$(1)_OUT := $(PKG_$(1)_BINDIR)/$(PKG_$(1)_TARGET)

$(PKG_$(1)_OBJDIR)/%.o: $(PKG_$(1)_DIR)/%.c
	@mkdir -p $$(@D)
	@echo "  HOSTCC  $$<"
	$(Q)$$(HOSTCC) $$(HOST_CFLAGS) $$(PKG_$(1)_INCS) $$(PKG_$(1)_CFLAGS_EXTRA) -c $$< -o $$@

$$(PKG_$(1)_OUT): $$(PKG_$(1)_OBJS)
	@mkdir -p $$(@D)
	@echo "  HOSTLD  $$@"
	$(Q)$$(HOSTCC) $$(PKG_$(1)_LDFLAGS_EXTRA) -o $$@ $$^
endef

$(foreach p,$(PKG_NAMES),$(eval $(call \
	$(if $(filter host,$(PKG_$(p)_MODE)),pkg_rules_host,pkg_rules_target),$(p))))

PKG_TARGET_NAMES := $(foreach p,$(PKG_NAMES),$(if $(filter host,$(PKG_$(p)_MODE)),,$(p)))
PKG_HOST_NAMES   := $(foreach p,$(PKG_NAMES),$(if $(filter host,$(PKG_$(p)_MODE)),$(p)))
PKG_PROGRAMS     := $(foreach p,$(PKG_NAMES),$(if $(filter static,$(PKG_$(p)_MODE)),$(PKG_$(p)_OUT)))

$(foreach p,$(PKG_NAMES),$(eval .PHONY: pkg-$(p))$(eval pkg-$(p): $(PKG_$(p)_OUT)))

.PHONY: pkgs hosttools list-pkgs
pkgs: $(foreach p,$(PKG_TARGET_NAMES),$(PKG_$(p)_OUT))
hosttools: $(foreach p,$(PKG_HOST_NAMES),$(PKG_$(p)_OUT))

list-pkgs:
	@$(foreach p,$(PKG_NAMES),echo "$(p): $(PKG_$(p)_MODE) $(PKG_$(p)_OUT) libs=[$(PKG_$(p)_LIBS)]";)
