# SPDX-License-Identifier: MIT
#
# L4ReC top-level Makefile.  Everything is declared in mk/*.mk and in the
# package Makefiles (src/pkg/*/Makefile, tools/*/Makefile); adding a package
# needs no edit here.
#
#   make                 kernel, packages, host tools, every entry of files/modules.list
#   make elfimage E=x    one image (MODULES_LIST=, MODULE_SEARCH_PATH= optional)
#   make check           unit, in-QEMU and system tests
#   make bench           benchmarks of bench/modules.list under QEMU -icount
#   make lint / format   clang-format, cppcheck, clang-tidy / apply clang-format
#   make clean           remove obj/ and out/
#   V=1                  show full commands

.DEFAULT_GOAL := all
MAKEFLAGS += --no-builtin-rules
SHELL := /bin/bash
Q := $(if $(filter 1,$(V)),,@)

include mk/toolchain.mk
include mk/pkg.mk
include mk/kernel.mk
include mk/image.mk
include mk/unit.mk
include mk/lint.mk

.PHONY: all collect clean check bench
all: kernel pkgs hosttools images
	$(Q)$(MAKE) --no-print-directory collect

# out/: the kernel, bootstrap and every program (bin/), and the images.
collect:
	$(Q)mkdir -p out/bin out/images
	$(Q)for f in $(wildcard $(L4_OBJ)/bin/*) $(wildcard $(HOST_OBJ)/bin/*); do \
		cp -p $$f out/bin/; done

check:
	$(Q)tests/run.sh

bench:
	$(Q)bench/run.sh

clean:
	rm -rf obj out
