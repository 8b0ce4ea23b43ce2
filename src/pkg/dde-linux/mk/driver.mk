# SPDX-License-Identifier: MIT
#
# Included by the Makefile of a generated driver package (src/pkg/<driver>/,
# written by tools/l4re-driver-wrap) after its variables:
#
#   TARGET = <driver>_server   MODE = static   SRC_C = glue.c stubs.c
#   REQUIRES_LIBS = dde-linux l4re-libc l4re l4sys
#   include src/pkg/dde-linux/mk/driver.mk
#
# The package's own sources (glue, stubs) build with our flags through
# mk/pkg.mk.  This file adds what has other flags: the driver's Linux
# sources named in driver.manifest, copied from the Linux tree into
# obj/l4/arm64/pkg/<driver>/linux/ (never edited), and the Linux half of
# dde-linux (src/pkg/dde-linux/linux/*.c), both compiled with the
# manifest's kbuild flags; then it links them into the program with the
# initcall linker script: the driver's objects whole, dde-linux's Linux
# half as an archive (libdde-linux-half.a in the package's object
# directory), so a driver pulls in only the parts of it that it uses.  When the tree is not there yet (a fresh clone),
# tools/driver_extract/linux-tree.sh unpacks, configures and builds it
# (cached in obj/linux/).
#
# A package may set DDE_LINUX_OWN_SRC (its own files, relative to it) before
# the include: they are compiled like the Linux half of dde-linux (the
# manifest's flags, our warnings), e.g. a test driver of ours.
#
# Flags are the manifest's, adapted for a user-level program:
#   -fstack-protector-strong and -mstack-protector-guard=sysreg (canary in
#   SP_EL0, unreadable at EL0) -> -fno-stack-protector;
#   -mno-outline-atomics (as our code: libgcc's helpers want glibc's getauxval);
#   shadow headers (src/pkg/dde-linux/include/shadow) come first.

DDE_LINUX_DIR := src/pkg/dde-linux
LINUX_SRC     ?= obj/linux/src
LINUX_BUILD   ?= obj/linux/build

ifndef DDE_LINUX_MK
DDE_LINUX_MK := 1

# Manifest lines with key $(2) of manifest $(1), paths substituted.
dde_manifest = $(shell sed -n 's/^$(2): //p' $(1) | \
	sed -e 's|$$(LINUX_SRC)|$(LINUX_SRC)|g' -e 's|$$(LINUX_BUILD)|$(LINUX_BUILD)|g')

DDE_LINUX_DROP_FLAGS := -fstack-protector-strong -fstack-protector -mstack-protector-guard=% \
			-mstack-protector-guard-reg=% -mstack-protector-guard-offset=%
DDE_LINUX_CFILES := $(sort $(wildcard $(DDE_LINUX_DIR)/linux/*.c))
DDE_LINUX_OWN_WARN := -Wall -Werror -Wmissing-prototypes -Wno-unused-function -Wno-pointer-sign

# $(1) package name, $(2) package directory, $(3) program path.
define dde_driver_rules
DDE_$(1)_MANIFEST := $(2)/driver.manifest
DDE_$(1)_OBJDIR   := obj/l4/arm64/pkg/$(1)
DDE_$(1)_SOURCES  := $$(call dde_manifest,$(2)/driver.manifest,source)
DDE_$(1)_SYMBOL   := $$(call dde_manifest,$(2)/driver.manifest,symbol)
DDE_$(1)_DIRS     := $$(call dde_manifest,$(2)/driver.manifest,directory)
DDE_$(1)_FLAGS    := $$(call dde_manifest,$(2)/driver.manifest,flag)
DDE_$(1)_KBUILD   := $$(filter -DKBUILD_% -D__KBUILD_%,$$(DDE_$(1)_FLAGS))
DDE_$(1)_CFLAGS   := -I$(DDE_LINUX_DIR)/include/shadow \
	$$(filter-out $(DDE_LINUX_DROP_FLAGS) -DKBUILD_% -D__KBUILD_%,$$(DDE_$(1)_FLAGS)) \
	-fno-stack-protector -mno-outline-atomics -I$(DDE_LINUX_DIR)/include -g -MMD -MP
DDE_$(1)_LINUX_OBJS := $$(addprefix $$(DDE_$(1)_OBJDIR)/linux/,$$(DDE_$(1)_SOURCES:.c=.o))
DDE_$(1)_DDE_OBJS   := $$(patsubst $(DDE_LINUX_DIR)/linux/%.c,$$(DDE_$(1)_OBJDIR)/dde-linux/%.o,\
	$(DDE_LINUX_CFILES))
DDE_$(1)_OWN_OBJS := $$(addprefix $$(DDE_$(1)_OBJDIR)/own/,$(DDE_LINUX_OWN_SRC:.c=.o))
DDE_$(1)_OBJS := $$(DDE_$(1)_LINUX_OBJS) $$(DDE_$(1)_DDE_OBJS) $$(DDE_$(1)_OWN_OBJS)
DDE_$(1)_HALF_A := $$(DDE_$(1)_OBJDIR)/libdde-linux-half.a

# The copies stay (make would delete them as intermediate files).
.SECONDARY: $$(DDE_$(1)_LINUX_OBJS:.o=.c)

# The configured Linux tree with the driver built once (kbuild's
# generated headers); a stamp per package, the work cached by the script.
$$(DDE_$(1)_OBJDIR)/linux/.tree: $$(DDE_$(1)_MANIFEST)
	@mkdir -p $$(@D)
	@echo "  LINUX   $$(DDE_$(1)_SYMBOL) ($$(DDE_$(1)_DIRS)) in $(LINUX_BUILD)"
	$$(Q)LINUX_SRC=$(if $(filter obj/linux/src,$(LINUX_SRC)),,$(LINUX_SRC)) \
		tools/driver_extract/linux-tree.sh build $$(DDE_$(1)_SYMBOL) $$(DDE_$(1)_DIRS) \
		>$$(@D)/tree.log 2>&1 || { tail -n 20 $$(@D)/tree.log; exit 1; }
	$$(Q)touch $$@

# Linux sources: copied, never edited, then compiled with kbuild's flags
# (warnings off: the code is Linux's, not ours).
$$(DDE_$(1)_OBJDIR)/linux/%.c: $$(DDE_$(1)_OBJDIR)/linux/.tree
	@mkdir -p $$(@D)
	$$(Q)cp $(LINUX_SRC)/$$*.c $$@

$$(DDE_$(1)_OBJDIR)/linux/%.o: $$(DDE_$(1)_OBJDIR)/linux/%.c $(DDE_LINUX_DIR)/mk/driver.mk $$(DDE_$(1)_MANIFEST)
	@echo "  CC      $$< (Linux)"
	$$(Q)$$(CC64) $$(DDE_$(1)_CFLAGS) $$(DDE_$(1)_KBUILD) -w \
		$$(shell sed -n 's|^source-flag: $$*.c ||p' $$(DDE_$(1)_MANIFEST)) -c $$< -o $$@

# The Linux half of dde-linux: our code, the driver's flags, our warnings.
$$(DDE_$(1)_OBJDIR)/dde-linux/%.o: $(DDE_LINUX_DIR)/linux/%.c $$(DDE_$(1)_OBJDIR)/linux/.tree \
		$(DDE_LINUX_DIR)/mk/driver.mk $$(DDE_$(1)_MANIFEST)
	@mkdir -p $$(@D)
	@echo "  CC      $$< (Linux half, for $(1))"
	$$(Q)$$(CC64) $$(DDE_$(1)_CFLAGS) $(DDE_LINUX_OWN_WARN) -DKBUILD_MODNAME='"dde_linux"' \
		-DKBUILD_BASENAME='"$$(*F)"' -c $$< -o $$@

$$(DDE_$(1)_OBJDIR)/own/%.o: $(2)/%.c $$(DDE_$(1)_OBJDIR)/linux/.tree \
		$(DDE_LINUX_DIR)/mk/driver.mk $$(DDE_$(1)_MANIFEST)
	@mkdir -p $$(@D)
	@echo "  CC      $$< (Linux flags, for $(1))"
	$$(Q)$$(CC64) $$(DDE_$(1)_CFLAGS) $(DDE_LINUX_OWN_WARN) -DKBUILD_MODNAME='"$(1)"' \
		-DKBUILD_BASENAME='"$$(*F)"' -c $$< -o $$@

$$(DDE_$(1)_HALF_A): $$(DDE_$(1)_DDE_OBJS)
	@echo "  AR      $$@"
	$$(Q)rm -f $$@ && $$(AR64) rcs $$@ $$^

-include $$(DDE_$(1)_OBJS:.o=.d)

$(3): $$(DDE_$(1)_OBJS) $$(DDE_$(1)_HALF_A) $(DDE_LINUX_DIR)/mk/initcalls.ld
endef

endif

$(eval $(call dde_driver_rules,$(notdir $(PKGDIR)),$(PKGDIR),obj/l4/arm64/bin/$(TARGET)))
LDFLAGS_EXTRA += $(DDE_$(notdir $(PKGDIR))_LINUX_OBJS) $(DDE_$(notdir $(PKGDIR))_OWN_OBJS) \
		 -Wl,-T,$(DDE_LINUX_DIR)/mk/initcalls.ld
LIBS_EXTRA    += $(DDE_$(notdir $(PKGDIR))_HALF_A)
DDE_LINUX_OWN_SRC :=
