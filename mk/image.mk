# SPDX-License-Identifier: MIT
#
# Boot images: bootstrap linked with the payload mkimage packs from one
# modules.list entry.
#
#   make elfimage E=<entry> [MODULES_LIST=<file>] [MODULE_SEARCH_PATH=<d1:d2>]
#
# -> obj/l4/arm64/images/bootstrap_<entry>_arm_virt.elf, copied to out/images/.
# On any error no image is left behind (the old one is removed first and the
# new one appears by rename only).

MODULES_LIST ?= files/modules.list
DEFAULT_SEARCH_PATH := $(L4_OBJ)/bin:$(KERNEL_OBJ):files/cfg:files
IMAGE_SEARCH_PATH = $(if $(MODULE_SEARCH_PATH),$(MODULE_SEARCH_PATH):)$(DEFAULT_SEARCH_PATH)
IMAGE_DIR := $(L4_OBJ)/images
MKIMAGE := $(HOST_OBJ)/bin/mkimage

# Entry names of a modules.list (for `make all`, `make bench`).
list_entries = $(shell sed -n 's/^[[:space:]]*entry[[:space:]]\{1,\}\([^[:space:]#]\{1,\}\).*/\1/p' $(1) 2>/dev/null)

# $(call build_image,entry,modules.list): the recipe, as one shell script.
define build_image
	@echo "  IMAGE   $(IMAGE_DIR)/bootstrap_$(1)_arm_virt.elf"
	$(Q)set -e; img=$(IMAGE_DIR)/bootstrap_$(1)_arm_virt.elf; \
	tmp=$(IMAGE_DIR)/.tmp-$(1); \
	rm -f $$img out/images/bootstrap_$(1)_arm_virt.elf; rm -rf $$tmp; mkdir -p $$tmp; \
	trap 'rm -rf $$tmp' EXIT; \
	$(MKIMAGE) -l $(2) -e $(1) -p "$(IMAGE_SEARCH_PATH)" -o $$tmp/payload.bin; \
	printf '\t.section .payload, "a"\n\t.balign 4096\n\t.incbin "%s"\n' $$tmp/payload.bin \
		> $$tmp/payload.S; \
	$(CC64) -c $$tmp/payload.S -o $$tmp/payload.o; \
	$(CC64) $(TARGET_LDFLAGS) -T $(PKG_bootstrap_DIR)/$(PKG_bootstrap_LDSCRIPT) \
		-o $$tmp/image.elf $(PKG_bootstrap_OBJS) $$tmp/payload.o -lgcc; \
	mv $$tmp/image.elf $$img; \
	mkdir -p out/images; cp $$img out/images/
endef

# What an image needs built first; `IMAGE_PREREQS=` builds only mkimage and
# bootstrap (used by the build-fail scenario tests).
IMAGE_PREREQS ?= kernel pkgs
IMAGE_DEPS = $(PKG_bootstrap_OBJS) $(MKIMAGE) $(IMAGE_PREREQS)

.PHONY: elfimage images
elfimage: $(IMAGE_DEPS) | toolchain-check
	$(if $(E),,$(error usage: make elfimage E=<entry> [MODULES_LIST=file] [MODULE_SEARCH_PATH=dirs]))
	$(call build_image,$(E),$(MODULES_LIST))

# Every entry of files/modules.list: one phony target image-<entry> each.
IMAGE_ENTRIES := $(call list_entries,$(MODULES_LIST))
define image_rule
.PHONY: image-$(1)
image-$(1): $$(IMAGE_DEPS) | toolchain-check
	$$(call build_image,$(1),$$(MODULES_LIST))
endef
$(foreach e,$(IMAGE_ENTRIES),$(eval $(call image_rule,$(e))))
images: $(addprefix image-,$(IMAGE_ENTRIES))
