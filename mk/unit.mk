# SPDX-License-Identifier: MIT
#
# Rules for the host unit tests declared in tests/unit/Makefile: one binary
# per tests/unit/test_<x>.c in obj/host/unit/test_<x>.
#   make unit-tests       build all
#   make unit-test-<x>    build one

UNIT_OBJ := $(HOST_OBJ)/unit
UNIT_NAMES := $(patsubst tests/unit/test_%.c,%,$(sort $(wildcard tests/unit/test_*.c)))
UNIT_CFLAGS := $(WARNINGS) -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	       -fno-sanitize-recover=undefined -MMD -MP -D_DEFAULT_SOURCE -Itests/unit \
	       -Itools/mkimage -Isrc/pkg/bootstrap/include -iquote kernel/include

include tests/unit/Makefile

define unit_rules
UNIT_OBJS_$(1) := $(addprefix $(UNIT_OBJ)/$(1)/,$(patsubst %.c,%.o,tests/unit/test_$(1).c \
		  tests/unit/unit.c $(UNIT_SRC_$(1))))
-include $$(UNIT_OBJS_$(1):.o=.d)

$(UNIT_OBJ)/$(1)/%.o: %.c
	@mkdir -p $$(@D)
	@echo "  UNITCC  $$<"
	$(Q)$$(HOSTCC) $$(UNIT_CFLAGS) $$(UNIT_CFLAGS_$(1)) -DUNIT_SUITE='"$(1)"' -c $$< -o $$@

$(UNIT_OBJ)/test_$(1): $$(UNIT_OBJS_$(1))
	@echo "  UNITLD  $$@"
	$(Q)$$(HOSTCC) -fsanitize=address,undefined -o $$@ $$^

.PHONY: unit-test-$(1)
unit-test-$(1): $(UNIT_OBJ)/test_$(1)
endef
$(foreach t,$(UNIT_NAMES),$(eval $(call unit_rules,$(t))))

.PHONY: unit-tests list-unit-tests
unit-tests: $(foreach t,$(UNIT_NAMES),$(UNIT_OBJ)/test_$(t))
list-unit-tests:
	@echo $(UNIT_NAMES)
