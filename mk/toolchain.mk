# SPDX-License-Identifier: MIT
#
# Cross and host toolchains, and the warning set every C file is built with.
# CROSS_COMPILE_ARM64 / CROSS_COMPILE_ARM default from the build machine;
# override on the command line (make CROSS_COMPILE_ARM64=...).

HOST_OS   := $(shell uname -s)
HOST_ARCH := $(shell uname -m)

ifeq ($(HOST_OS),Darwin)
  CROSS_COMPILE_ARM64 ?= aarch64-none-linux-gnu-
  CROSS_COMPILE_ARM   ?= arm-none-linux-gnueabihf-
else ifneq ($(filter aarch64 arm64,$(HOST_ARCH)),)
  CROSS_COMPILE_ARM64 ?=
  CROSS_COMPILE_ARM   ?= arm-linux-gnueabihf-
else
  CROSS_COMPILE_ARM64 ?= aarch64-linux-gnu-
  CROSS_COMPILE_ARM   ?= arm-linux-gnueabihf-
endif

CC64      := $(CROSS_COMPILE_ARM64)gcc
AR64      := $(CROSS_COMPILE_ARM64)ar
OBJCOPY64 := $(CROSS_COMPILE_ARM64)objcopy
HOSTCC    ?= gcc
QEMU64    ?= qemu-system-aarch64

# Fails with a clear message when the cross compiler is not installed.  Used
# as an order-only prerequisite of everything built for the target, so that
# host-only targets (lint, unit tests) work without it.
.PHONY: toolchain-check
toolchain-check:
	@command -v $(CC64) >/dev/null 2>&1 || { \
	  echo "error: cross compiler '$(CC64)' not found (CROSS_COMPILE_ARM64='$(CROSS_COMPILE_ARM64)');" \
	       "run ./setup or set CROSS_COMPILE_ARM64" >&2; exit 1; }

WARNINGS := -std=c11 -Wall -Wextra -Werror -Wstrict-prototypes \
	    -Wmissing-prototypes -Wshadow -Wundef

# The compiler's own freestanding headers (stdint.h, stddef.h, stdarg.h, ...).
GCC64_INCDIR = $(shell $(CC64) -print-file-name=include 2>/dev/null)

# Target programs and libraries (user level: FP/SIMD allowed).
TARGET_CFLAGS := $(WARNINGS) -ffreestanding -nostdlib -static -fno-pie -fno-pic \
		 -fno-stack-protector -mno-outline-atomics -O2 -g -MMD -MP
TARGET_ASFLAGS := -g -MMD -MP -D__ASSEMBLY__
TARGET_LDFLAGS := -nostdlib -static -no-pie -Wl,-u,_start \
		  -z max-page-size=4096 -z common-page-size=4096 -Wl,--build-id=none

# Host tools.
HOST_CFLAGS := $(WARNINGS) -O2 -g -MMD -MP -D_DEFAULT_SOURCE
