# SPDX-License-Identifier: MIT
#
# make lint    clang-format --dry-run, cppcheck and clang-tidy over our C code
# make format  apply clang-format
# LINT_FILES=<files> restricts both to some files (default: every .c/.h of
# the tree outside obj/, out/ and LINT_EXCLUDE dirs).

LINT_EXCLUDE ?=
LINT_FILES ?= $(shell find kernel src tools tests bench -name '*.[ch]' \
		$(foreach d,$(LINT_EXCLUDE),-not -path '$(d)/*') 2>/dev/null | sort)
LINT_C = $(filter %.c,$(LINT_FILES))

CLANG_FORMAT ?= clang-format
CLANG_TIDY ?= clang-tidy
CPPCHECK ?= cppcheck

# clang-tidy flags per file: target packages, host tools, kernel, unit tests.
TIDY_TARGET := --target=aarch64-linux-gnu -ffreestanding -nostdlib -std=c11 -D__ASSEMBLER__=0 \
	       -Wno-unknown-warning-option -Wno-ignored-optimization-argument -Wno-unused-command-line-argument
TIDY_TARGET := $(filter-out -D__ASSEMBLER__=0,$(TIDY_TARGET))
TIDY_HOST := -std=c11 -D_DEFAULT_SOURCE -Wno-unknown-warning-option
clang_ok = $(filter-out -fno-tree-loop-distribute-patterns -mno-outline-atomics,$(1))

$(foreach p,$(PKG_NAMES),$(foreach f,$(addprefix $(PKG_$(p)_DIR)/,$(PKG_$(p)_SRC_C)),\
  $(eval TIDY_FLAGS_$(f) := $(if $(filter host,$(PKG_$(p)_MODE)),$(TIDY_HOST),$(TIDY_TARGET)) \
	$(PKG_$(p)_INCS) $(call clang_ok,$(PKG_$(p)_CFLAGS_EXTRA)))))
$(foreach f,$(addprefix $(KERNEL_DIR)/,$(KERNEL_SRC_C)),\
  $(eval TIDY_FLAGS_$(f) := $(TIDY_TARGET) -mgeneral-regs-only $(KERNEL_INCS) $(call clang_ok,$(KERNEL_CFLAGS_EXTRA))))
$(foreach t,$(UNIT_NAMES),$(foreach f,tests/unit/test_$(t).c,\
  $(eval TIDY_FLAGS_$(f) := $(TIDY_HOST) -Itests/unit -Itools/mkimage -Isrc/pkg/bootstrap/include \
	-iquote kernel/include $(UNIT_CFLAGS_$(t)))))
TIDY_FLAGS_tests/unit/unit.c := $(TIDY_HOST) -Itests/unit

# Files clang-tidy can check: those with known flags.
TIDY_FILES = $(foreach f,$(LINT_C),$(if $(TIDY_FLAGS_$(f)),$(f)))

.PHONY: lint lint-format lint-cppcheck lint-tidy format
lint: lint-format lint-cppcheck lint-tidy
	@echo "lint: OK"

lint-format:
	@echo "  FORMAT  $(words $(LINT_FILES)) files"
	$(Q)$(CLANG_FORMAT) --dry-run -Werror $(LINT_FILES)

lint-cppcheck:
	@echo "  CPPCHK  $(words $(LINT_C)) files"
	$(Q)$(CPPCHECK) --quiet --error-exitcode=1 --std=c11 --enable=warning,portability \
		--inline-suppr --suppress=missingIncludeSystem --suppress=missingInclude \
		--suppress=unknownMacro -D__aarch64__ -D__GNUC__ $(LINT_C)

lint-tidy:
	@echo "  TIDY    $(words $(TIDY_FILES)) files"
	$(Q)mkdir -p obj; fail=0; $(foreach f,$(TIDY_FILES),\
		$(CLANG_TIDY) --quiet $(f) -- $(TIDY_FLAGS_$(f)) >obj/.tidy.log 2>&1 || \
		{ fail=1; grep -v '^[0-9]* warnings\? generated' obj/.tidy.log; };) exit $$fail

format:
	$(Q)$(CLANG_FORMAT) -i $(LINT_FILES)
