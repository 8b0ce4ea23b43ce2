# SPDX-License-Identifier: MIT
#
# The tree side of an out-of-tree package build (mk/extpkg.mk hands over
# to this file, run in the repository):
#
#   make -f mk/extpkg-build.mk EXTPKG_DIR=<abs package dir> O=<abs build dir> [all|clean]
#
# It reads the tree's packages exactly as the top-level Makefile does
# (mk/pkg.mk), then the outside package under the name ext.<dir name> (so
# that it may share a basename with an in-tree package) with its objects,
# program and library sent to $(O).  The tree is not built from here: when
# the libraries the package needs are missing the build stops and says
# which make target to run in the tree.

.DEFAULT_GOAL := all
MAKEFLAGS += --no-builtin-rules
SHELL := /bin/bash
Q := $(if $(filter 1,$(V)),,@)

ifeq ($(strip $(EXTPKG_DIR)),)
  $(error EXTPKG_DIR is not set (use mk/extpkg.mk: make -C <dir> L4DIR=<repository> O=<build dir>))
endif
ifeq ($(strip $(O)),)
  $(error O is not set (make -C <dir> L4DIR=<repository> O=<build dir>))
endif
ifeq ($(wildcard $(EXTPKG_DIR)/Makefile),)
  $(error $(EXTPKG_DIR): no Makefile)
endif

include mk/toolchain.mk
include mk/pkg.mk

EXT := ext.$(notdir $(EXTPKG_DIR))
EXT_MK := $(EXTPKG_DIR)/Makefile

# Read it with extpkg.mk switched off, then give it its output directories.
L4REC_EXTPKG_READ := 1
$(call pkg_read,$(EXTPKG_DIR),$(EXT))
$(foreach v,$(PKG_VARS),$(eval $(v) :=))
PKGDIR :=
PKG_$(EXT)_OBJDIR := $(O)/pkg/$(notdir $(EXTPKG_DIR))
PKG_$(EXT)_BINDIR := $(O)/bin
PKG_$(EXT)_LIBDIR := $(O)/lib

# The checks of mk/pkg.mk (MODE, TARGET, REQUIRES_LIBS), then ours.
$(eval $(call pkg_defaults,$(EXT)))
ifeq ($(strip $(PKG_$(EXT)_SRC_C)$(PKG_$(EXT)_SRC_S)),)
  $(error $(EXT_MK): SRC_C and SRC_S are both empty)
endif
EXT_MISSING := $(filter-out $(wildcard $(addprefix $(EXTPKG_DIR)/,$(PKG_$(EXT)_SRC_C) \
		 $(PKG_$(EXT)_SRC_S))),$(addprefix $(EXTPKG_DIR)/,$(PKG_$(EXT)_SRC_C) $(PKG_$(EXT)_SRC_S)))
ifneq ($(EXT_MISSING),)
  $(error $(EXT_MK): source file(s) not found: $(EXT_MISSING))
endif

# What must exist in the tree: the libraries (and the C library) it links.
EXT_NEEDS := $(foreach l,$(call pkg_libs,$(EXT)),$(call pkg_lib_file,$(l))) \
	     $(if $(call pkg_uses_libc,$(EXT)),$(LIBC_STAMP))
EXT_UNBUILT := $(filter-out $(wildcard $(EXT_NEEDS)),$(EXT_NEEDS))
ifneq ($(EXT_UNBUILT),)
  $(error the tree at $(CURDIR) is not built yet (missing $(firstword $(EXT_UNBUILT))): \
	run 'make -C $(CURDIR) pkgs' (or plain 'make -C $(CURDIR)') first)
endif

$(eval $(call $(if $(filter host,$(PKG_$(EXT)_MODE)),pkg_rules_host,pkg_rules_target),$(EXT)))

.PHONY: all clean
all: $(PKG_$(EXT)_OUT)
	@echo "  OUT     $(PKG_$(EXT)_OUT)"

clean:
	rm -rf $(PKG_$(EXT)_OBJDIR) $(PKG_$(EXT)_OUT)
