// SPDX-License-Identifier: MIT
/*
 * Just enough of a flattened device tree reader to find the RAM bank: the
 * root's #address-cells/#size-cells and the first (address, size) pair of
 * the `reg` of the /memory node (named memory or memory@..., or with
 * device_type = "memory").  Reads bytes only, so alignment never matters.
 */
#include "bootstrap.h"

#define FDT_MAGIC 0xd00dfeedU
#define FDT_BEGIN_NODE 1
#define FDT_END_NODE 2
#define FDT_PROP 3
#define FDT_NOP 4
#define FDT_END 9

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint64_t cells(const unsigned char *p, uint32_t n)
{
	uint64_t v = 0;

	while (n--) {
		v = v << 32 | be32(p);
		p += 4;
	}
	return v;
}

static int str_eq(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

static int is_memory_name(const char *name)
{
	const char *m = "memory";

	while (*m && *name == *m) {
		m++;
		name++;
	}
	return !*m && (!*name || *name == '@');
}

int bs_fdt_valid(const void *fdt)
{
	return be32(fdt) == FDT_MAGIC;
}

int bs_fdt_memory(const void *fdt, struct bs_ram *ram)
{
	const unsigned char *base = fdt;
	uint32_t total = be32(base + 4);
	const unsigned char *p = base + be32(base + 8);
	const unsigned char *end = p + be32(base + 36); /* size_dt_struct */
	const char *strings = (const char *)base + be32(base + 12);
	uint32_t addr_cells = 2, size_cells = 1;
	const unsigned char *reg = NULL;
	uint32_t reg_len = 0;
	int depth = 0, is_mem = 0;

	if (!bs_fdt_valid(fdt) || be32(base + 8) >= total)
		return -1;
	while (p + 4 <= end) {
		uint32_t tok = be32(p);

		p += 4;
		if (tok == FDT_BEGIN_NODE) {
			const char *name = (const char *)p;
			size_t len = strlen(name);

			depth++;
			if (depth == 2) {
				is_mem = is_memory_name(name);
				reg = NULL;
			}
			p += (len + 1 + 3) & ~(size_t)3;
		} else if (tok == FDT_PROP) {
			uint32_t len = be32(p);
			const char *pname = strings + be32(p + 4);
			const unsigned char *val = p + 8;

			p = val + ((len + 3) & ~3U);
			if (depth == 1 && len == 4 && str_eq(pname, "#address-cells"))
				addr_cells = be32(val);
			else if (depth == 1 && len == 4 && str_eq(pname, "#size-cells"))
				size_cells = be32(val);
			else if (depth == 2 && str_eq(pname, "device_type") &&
				 str_eq((const char *)val, "memory"))
				is_mem = 1;
			else if (depth == 2 && str_eq(pname, "reg")) {
				reg = val;
				reg_len = len;
			}
		} else if (tok == FDT_END_NODE) {
			if (depth == 2 && is_mem && reg && addr_cells >= 1 && addr_cells <= 2 &&
			    size_cells >= 1 && size_cells <= 2 &&
			    reg_len >= 4 * (addr_cells + size_cells)) {
				ram->base = cells(reg, addr_cells);
				ram->size = cells(reg + 4 * addr_cells, size_cells);
				return 0;
			}
			depth--;
		} else if (tok == FDT_END) {
			break;
		} else if (tok != FDT_NOP) {
			return -1;
		}
	}
	return -2;
}
