/* SPDX-License-Identifier: MIT */
/*
 * The few ELF64 definitions that mkimage (checking) and bootstrap (loading)
 * need.  Our own, so that neither depends on a host <elf.h>.  Fields are
 * little-endian; both users run on little-endian machines.
 */
#ifndef L4REC_BOOTSTRAP_ELF64_H
#define L4REC_BOOTSTRAP_ELF64_H

#include <stdint.h>

#define ELF64_EI_NIDENT 16
#define ELF64_EI_CLASS 4
#define ELF64_EI_DATA 5
#define ELF64_CLASS64 2
#define ELF64_DATA_LSB 1
#define ELF64_ET_EXEC 2
#define ELF64_EM_AARCH64 183
#define ELF64_PT_LOAD 1

struct elf64_ehdr {
	unsigned char e_ident[ELF64_EI_NIDENT];
	uint16_t e_type;
	uint16_t e_machine;
	uint32_t e_version;
	uint64_t e_entry;
	uint64_t e_phoff;
	uint64_t e_shoff;
	uint32_t e_flags;
	uint16_t e_ehsize;
	uint16_t e_phentsize;
	uint16_t e_phnum;
	uint16_t e_shentsize;
	uint16_t e_shnum;
	uint16_t e_shstrndx;
};

struct elf64_phdr {
	uint32_t p_type;
	uint32_t p_flags;
	uint64_t p_offset;
	uint64_t p_vaddr;
	uint64_t p_paddr;
	uint64_t p_filesz;
	uint64_t p_memsz;
	uint64_t p_align;
};

_Static_assert(sizeof(struct elf64_ehdr) == 64, "ELF64 header size");
_Static_assert(sizeof(struct elf64_phdr) == 56, "ELF64 program header size");

#endif /* L4REC_BOOTSTRAP_ELF64_H */
