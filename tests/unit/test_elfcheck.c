// SPDX-License-Identifier: MIT
/*
 * Unit tests of mkimage's ELF checks on ELF images built in memory: a good
 * AArch64 executable, then one defect at a time.
 */
#include <stdint.h>

#include "bootstrap/elf64.h"
#include "bootstrap/payload.h"
#include "elfcheck.h"
#include "unit.h"

#define IMG_SIZE 0x2000

static unsigned char img[IMG_SIZE];
static struct elfcheck_info info;
static char err[256];

/* A valid executable: two PT_LOADs at 0x4040_0000 / 0x4040_1000 (VA == PA). */
static void make_elf(void)
{
	struct elf64_ehdr eh = { 0 };
	struct elf64_phdr ph[2] = { 0 };

	memset(img, 0, sizeof(img));
	memcpy(eh.e_ident, "\177ELF", 4);
	eh.e_ident[ELF64_EI_CLASS] = ELF64_CLASS64;
	eh.e_ident[ELF64_EI_DATA] = ELF64_DATA_LSB;
	eh.e_ident[6] = 1;
	eh.e_type = ELF64_ET_EXEC;
	eh.e_machine = ELF64_EM_AARCH64;
	eh.e_version = 1;
	eh.e_entry = 0x40400100;
	eh.e_phoff = sizeof(eh);
	eh.e_ehsize = sizeof(eh);
	eh.e_phentsize = sizeof(struct elf64_phdr);
	eh.e_phnum = 2;
	ph[0].p_type = ELF64_PT_LOAD;
	ph[0].p_offset = 0;
	ph[0].p_vaddr = ph[0].p_paddr = 0x40400000;
	ph[0].p_filesz = ph[0].p_memsz = 0x1000;
	ph[1].p_type = ELF64_PT_LOAD;
	ph[1].p_offset = 0x1000;
	ph[1].p_vaddr = ph[1].p_paddr = 0x40401000;
	ph[1].p_filesz = 0x800;
	ph[1].p_memsz = 0x3000;
	memcpy(img, &eh, sizeof(eh));
	memcpy(img + sizeof(eh), ph, sizeof(ph));
}

static struct elf64_ehdr *ehdr(void)
{
	return (struct elf64_ehdr *)(void *)img;
}

static struct elf64_phdr *phdr(int i)
{
	return (struct elf64_phdr *)(void *)(img + sizeof(struct elf64_ehdr)) + i;
}

static int check(size_t len)
{
	err[0] = '\0';
	return elfcheck(img, len, &info, err, sizeof(err));
}

#define CHECK_ELF_ERR(len, msg)           \
	do {                              \
		CHECK_EQ(check(len), -1); \
		CHECK_STR(err, msg);      \
	} while (0)

TEST(good)
{
	make_elf();
	CHECK_EQ(check(IMG_SIZE), 0);
	CHECK_EQ(info.nr_segs, 2);
	CHECK_EQ(info.entry, 0x40400100);
	CHECK_EQ(info.segs[1].paddr, 0x40401000);
	CHECK_EQ(info.segs[1].memsz, 0x3000);
}

TEST(upper_half_kernel)
{
	make_elf();
	phdr(0)->p_vaddr = 0xffff000040400000ULL;
	ehdr()->e_entry = 0xffff000040400100ULL;
	CHECK_EQ(check(IMG_SIZE), 0);
}

TEST(not_elf)
{
	make_elf();
	img[1] = 'X';
	CHECK_ELF_ERR(IMG_SIZE, "not an ELF file");
}

TEST(truncated_header)
{
	make_elf();
	CHECK_ELF_ERR(40, "truncated ELF header (40 bytes)");
}

TEST(elf32)
{
	make_elf();
	img[ELF64_EI_CLASS] = 1;
	CHECK_ELF_ERR(IMG_SIZE, "not ELF64 (class 1)");
}

TEST(wrong_machine)
{
	make_elf();
	ehdr()->e_machine = 62;
	CHECK_ELF_ERR(IMG_SIZE, "not AArch64 (e_machine 62)");
}

TEST(not_executable)
{
	make_elf();
	ehdr()->e_type = 3;
	CHECK_ELF_ERR(IMG_SIZE, "not a static executable (e_type 3)");
}

TEST(truncated_phdrs)
{
	make_elf();
	CHECK_ELF_ERR(100, "truncated: program headers beyond end of file");
}

TEST(truncated_segment)
{
	make_elf();
	CHECK_ELF_ERR(0x1400, "truncated: segment 1 beyond end of file");
}

TEST(below_ram)
{
	make_elf();
	phdr(0)->p_paddr = 0x01000000;
	CHECK_ELF_ERR(IMG_SIZE,
		      "segment 0 at 0x1000000-0x1001000 outside RAM (0x40100000-0x100000000)");
}

TEST(in_dtb_area)
{
	make_elf();
	phdr(0)->p_paddr = 0x40080000;
	CHECK_ELF_ERR(IMG_SIZE,
		      "segment 0 at 0x40080000-0x40081000 outside RAM (0x40100000-0x100000000)");
}

TEST(wraps_around)
{
	make_elf();
	phdr(1)->p_paddr = 0x40500000;
	phdr(1)->p_memsz = UINT64_MAX - 0x100;
	CHECK_EQ(check(IMG_SIZE), -1);
	CHECK(strstr(err, "outside RAM") != NULL);
}

TEST(filesz_over_memsz)
{
	make_elf();
	phdr(1)->p_filesz = 0x4000;
	CHECK_ELF_ERR(IMG_SIZE, "segment 1: file size 0x4000 > memory size 0x3000");
}

TEST(overlapping_segments)
{
	make_elf();
	phdr(1)->p_paddr = 0x40400800;
	CHECK_ELF_ERR(IMG_SIZE, "segments overlap at 0x40400800");
}

TEST(entry_outside)
{
	make_elf();
	ehdr()->e_entry = 0x1234;
	CHECK_ELF_ERR(IMG_SIZE, "entry point 0x1234 not in a loadable segment");
}

TEST(no_load_segment)
{
	make_elf();
	phdr(0)->p_type = 4;
	phdr(1)->p_type = 4;
	CHECK_ELF_ERR(IMG_SIZE, "no loadable segment");
}

TEST(overlap_between_images)
{
	struct elfcheck_info a;

	make_elf();
	CHECK_EQ(check(IMG_SIZE), 0);
	a = info;
	phdr(0)->p_paddr = 0x40402000;
	phdr(1)->p_paddr = 0x40800000;
	CHECK_EQ(check(IMG_SIZE), 0);
	CHECK_EQ(elfcheck_overlap(&a, &info, err, sizeof(err)), -1);
	CHECK_STR(err, "0x40402000-0x40403000 overlaps 0x40401000-0x40404000");
	phdr(0)->p_paddr = 0x40900000;
	CHECK_EQ(check(IMG_SIZE), 0);
	CHECK_EQ(elfcheck_overlap(&a, &info, err, sizeof(err)), 0);
}
