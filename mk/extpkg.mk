# SPDX-License-Identifier: MIT
#
# Out-of-tree packages, L4Re-style.  A package directory anywhere (outside
# the repository) holds a Makefile in the in-tree format that ends with this
# file, the way an L4Re package Makefile ends with prog.mk:
#
#   TARGET        = myprog
#   MODE          = static
#   SRC_C         = main.c
#   REQUIRES_LIBS = l4re-libc
#   include $(L4DIR)/mk/extpkg.mk
#
# and is built against a built tree with
#
#   make -C <dir> L4DIR=<repository> O=<builddir>       (also: clean)
#
# -> <builddir>/bin/<TARGET> (programs) or <builddir>/lib/ (libraries),
# objects in <builddir>/pkg/<dir name>/.  This file only checks the
# arguments and hands over to mk/extpkg-build.mk in the tree, which reads
# the package Makefile once more (with L4REC_EXTPKG_READ set, so that this
# file then does nothing) and builds it with the rules of mk/pkg.mk.

ifneq ($(L4REC_EXTPKG_READ),1)

L4REC_EXTPKG_USAGE := usage: make -C <package dir> L4DIR=<L4ReC repository> O=<build dir>
L4REC_EXTPKG_DIR := $(abspath $(dir $(lastword $(MAKEFILE_LIST)))..)

ifeq ($(strip $(O)),)
  $(error O is not set: $(L4REC_EXTPKG_USAGE))
endif
ifneq ($(words $(wildcard $(L4REC_EXTPKG_DIR)/mk/pkg.mk $(L4REC_EXTPKG_DIR)/mk/extpkg-build.mk)),2)
  $(error L4DIR='$(L4DIR)' is not an L4ReC repository (no mk/pkg.mk): $(L4REC_EXTPKG_USAGE))
endif

.DEFAULT_GOAL := all
.PHONY: all clean
all clean:
	+@$(MAKE) --no-print-directory -C $(L4REC_EXTPKG_DIR) -f mk/extpkg-build.mk \
		L4DIR=$(L4REC_EXTPKG_DIR) O=$(abspath $(O)) EXTPKG_DIR=$(CURDIR) $@

endif
