# SPDX-License-Identifier: MIT
#
# Builds the kernel from the variables declared in $(KERNEL_DIR)/Makefile:
#   KERNEL_SRC_C, KERNEL_SRC_S  sources relative to $(KERNEL_DIR)
#   KERNEL_LDS                  linker script relative to $(KERNEL_DIR)
#   KERNEL_INCDIRS              extra include dirs relative to $(KERNEL_DIR)
#   KERNEL_CFLAGS_EXTRA         optional extra flags
# Output: obj/kernel/l4rec (ELF), copied to obj/l4/arm64/bin/l4rec.
# KERNEL_DIR can point elsewhere for experiments (make KERNEL_DIR=/tmp/k).

KERNEL_DIR ?= kernel
KERNEL_OBJ := obj/kernel
KERNEL_ELF := $(KERNEL_OBJ)/l4rec

ifneq ($(wildcard $(KERNEL_DIR)/Makefile),)
KERNEL_SRC_C :=
KERNEL_SRC_S :=
KERNEL_LDS :=
KERNEL_INCDIRS :=
KERNEL_CFLAGS_EXTRA :=
include $(KERNEL_DIR)/Makefile
HAVE_KERNEL := 1

KERNEL_INCS := $(addprefix -I$(KERNEL_DIR)/,include arch/arm64/include plat/virt/include \
		 $(KERNEL_INCDIRS)) -Isrc/pkg/l4sys/include

KERNEL_CFLAGS = $(WARNINGS) -ffreestanding -nostdlib -nostdinc -isystem $(GCC64_INCDIR) \
		-mgeneral-regs-only -fno-pie -no-pie -mno-outline-atomics \
		-fno-stack-protector -mstrict-align -O2 -g -MMD -MP \
		$(KERNEL_INCS) $(KERNEL_CFLAGS_EXTRA)
KERNEL_ASFLAGS = -g -MMD -MP -D__ASSEMBLY__ -nostdinc -isystem $(GCC64_INCDIR) \
		 $(KERNEL_INCS) $(KERNEL_CFLAGS_EXTRA)
KERNEL_LDFLAGS := -T $(KERNEL_DIR)/$(KERNEL_LDS) -nostdlib -static -no-pie \
		  -z max-page-size=4096 -Wl,--build-id=none

KERNEL_OBJS := $(addprefix $(KERNEL_OBJ)/,$(KERNEL_SRC_C:.c=.o) $(KERNEL_SRC_S:.S=.o))
-include $(KERNEL_OBJS:.o=.d)

$(KERNEL_OBJ)/%.o: $(KERNEL_DIR)/%.c | toolchain-check
	@mkdir -p $(@D)
	@echo "  KCC     $<"
	$(Q)$(CC64) $(KERNEL_CFLAGS) -c $< -o $@

$(KERNEL_OBJ)/%.o: $(KERNEL_DIR)/%.S | toolchain-check
	@mkdir -p $(@D)
	@echo "  KAS     $<"
	$(Q)$(CC64) $(KERNEL_ASFLAGS) -c $< -o $@

$(KERNEL_ELF): $(KERNEL_OBJS) $(KERNEL_DIR)/$(KERNEL_LDS)
	@mkdir -p $(@D)
	@echo "  KLD     $@"
	$(Q)$(CC64) $(KERNEL_LDFLAGS) -o $@.tmp $(KERNEL_OBJS) -lgcc && mv $@.tmp $@

$(L4_OBJ)/bin/l4rec: $(KERNEL_ELF)
	@mkdir -p $(@D)
	$(Q)cp $< $@

.PHONY: kernel
kernel: $(L4_OBJ)/bin/l4rec
else
HAVE_KERNEL :=
.PHONY: kernel
kernel:
	@echo "  (no $(KERNEL_DIR)/Makefile: kernel not built)"
endif
