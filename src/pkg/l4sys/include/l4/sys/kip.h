/* SPDX-License-Identifier: MIT */
/*
 * The kernel info page (KIP): a read-only page the kernel maps into every
 * task at L4REC_KIP_ADDR. Fields up to platform_info follow Fiasco's 64-bit
 * layout; L4ReC's own fields start at offset 0x300.
 *
 * Time: the KIP clock counts microseconds since the generic timer's counter
 * was zero, us = CNTVCT_EL0 * 1000000 / CNTFRQ_EL0. User code reads the
 * counter itself (the kernel enables EL0 access) with the frequency from
 * l4rec_timer_freq; Fiasco instead provides code inside the KIP for that,
 * which we do not (the KIP is not executable here).
 */
#ifndef L4_SYS_KIP_H
#define L4_SYS_KIP_H

#include <l4/sys/compiler.h>
#include <l4/sys/l4int.h>
#include <l4/sys/types.h>

/* (L4ReC) Fixed user address of the KIP, above L4REC_USER_TOP. */
#define L4REC_KIP_ADDR 0x0000ffffffff0000UL

/* "L4µK" */
#define L4_KERNEL_INFO_MAGIC (0x4BE6344CL)

enum l4_kernel_info_consts_t {
	L4_KIP_VERSION_FIASCO = 0x87004444,
	L4_KIP_VERSION_FIASCO_MASK = 0xff00ffff,
};

enum {
	/* Where Fiasco keeps its clock code; unused by L4ReC (see above). */
	L4_KIP_OFFS_READ_US = 0x900,
	L4_KIP_OFFS_READ_NS = 0x980,
};

struct l4_kip_platform_info_arch {
	struct {
		l4_uint32_t MIDR, CTR, TCMTR, TLBTR, MPIDR, REVIDR;
		l4_uint32_t ID_PFR[2], ID_DFR0, ID_AFR0, ID_MMFR[4], ID_ISAR[6];
	} cpuinfo;
};

struct l4_kip_platform_info {
	char name[16];
	l4_uint32_t is_mp;
	struct l4_kip_platform_info_arch arch;
};

typedef struct l4_kernel_info_t {
	/* 0x00 */
	l4_uint64_t magic;		   /* L4_KERNEL_INFO_MAGIC */
	l4_uint64_t version;		   /* L4_KIP_VERSION_FIASCO | ... */
	l4_uint8_t offset_version_strings; /* in 16-byte units from KIP base */
	l4_uint8_t fill2[7];
	l4_uint8_t kip_sys_calls;
	l4_uint8_t node;
	l4_uint8_t fill3[6];

	/* 0x20 */
	l4_umword_t scheduler_granularity; /* microseconds */
	l4_umword_t _res00[3];

	/* 0x40 */
	l4_umword_t sigma0_esp;
	l4_umword_t sigma0_eip;
	l4_umword_t _res01[2];

	/* 0x60 */
	l4_umword_t sigma1_esp;
	l4_umword_t sigma1_eip;
	l4_umword_t _res02[2];

	/* 0x80 */
	l4_umword_t root_esp;
	l4_umword_t root_eip;
	l4_umword_t _res03[2];

	/* 0xA0 */
	l4_umword_t _res_a0[1];
	l4_umword_t mem_info; /* offset << 32 | count of memory descriptors */
	l4_umword_t _res_b0[2];

	/* 0xC0 */
	l4_umword_t _res04[16];

	/* 0x140: updated by the kernel at every timer tick (microseconds) */
	union {
		volatile l4_cpu_time_t clock;
		volatile l4_cpu_time_t _clock_val;
	};
	l4_umword_t _res05[1];
	l4_umword_t frequency_cpu; /* kHz */
	l4_umword_t frequency_bus; /* kHz */

	/* 0x160 */
	l4_umword_t _res06[12];

	/* 0x1C0 */
	l4_umword_t user_ptr; /* physical address of the bootinfo */
	l4_umword_t vhw_offset;
	l4_umword_t _res07[2];

	/* 0x1E0 */
	struct l4_kip_platform_info platform_info;

	l4_uint8_t _l4rec_pad[0x300 - 0x1E0 - sizeof(struct l4_kip_platform_info)];

	/* 0x300: (L4ReC) extension */
	l4_uint64_t l4rec_timer_freq;  /* CNTFRQ_EL0 in Hz */
	l4_uint64_t l4rec_abi_version; /* 1 */
	/* 0x310: physical range of RAM the kernel keeps for itself */
	l4_uint64_t l4rec_kmem_start;
	l4_uint64_t l4rec_kmem_end;
	/* 0x320: bytes of kernel memory in use, updated every tick (leak checks) */
	volatile l4_uint64_t l4rec_kmem_in_use;
} l4_kernel_info_t;

_Static_assert(__builtin_offsetof(l4_kernel_info_t, scheduler_granularity) == 0x20, "KIP layout");
_Static_assert(__builtin_offsetof(l4_kernel_info_t, mem_info) == 0xA8, "KIP layout");
_Static_assert(__builtin_offsetof(l4_kernel_info_t, clock) == 0x140, "KIP layout");
_Static_assert(__builtin_offsetof(l4_kernel_info_t, frequency_cpu) == 0x150, "KIP layout");
_Static_assert(__builtin_offsetof(l4_kernel_info_t, user_ptr) == 0x1C0, "KIP layout");
_Static_assert(__builtin_offsetof(l4_kernel_info_t, platform_info) == 0x1E0, "KIP layout");
_Static_assert(__builtin_offsetof(l4_kernel_info_t, l4rec_timer_freq) == 0x300, "KIP layout");
_Static_assert(__builtin_offsetof(l4_kernel_info_t, l4rec_kmem_in_use) == 0x320, "KIP layout");
_Static_assert(sizeof(l4_kernel_info_t) <= L4_KIP_OFFS_READ_US,
	       "KIP fields stay below the clock-code area");

L4_INLINE l4_kernel_info_t const *l4_kip(void)
{
	return (l4_kernel_info_t const *)L4REC_KIP_ADDR;
}

L4_INLINE l4_umword_t l4_kip_version(l4_kernel_info_t const *kip)
{
	return kip->version & L4_KIP_VERSION_FIASCO_MASK;
}

L4_INLINE int l4_kernel_info_version_offset(l4_kernel_info_t const *kip)
{
	return kip->offset_version_strings << 4;
}

/* Version string, followed by NUL-separated feature strings, then "". */
L4_INLINE const char *l4_kip_version_string(l4_kernel_info_t const *kip)
{
	return (const char *)kip + l4_kernel_info_version_offset(kip);
}

L4_INLINE l4_uint64_t __l4rec_cntvct(void)
{
	l4_uint64_t v;

	/* isb: do not let the counter read move before earlier code. */
	__asm__ __volatile__("isb; mrs %0, cntvct_el0" : "=r"(v) : : "memory");
	return v;
}

/* Scale counter ticks; split so that ticks * scale cannot overflow. */
L4_INLINE l4_uint64_t __l4rec_ticks_to(l4_uint64_t ticks, l4_uint64_t freq, l4_uint64_t scale)
{
	return (ticks / freq) * scale + ((ticks % freq) * scale) / freq;
}

L4_INLINE l4_cpu_time_t l4_kip_clock(l4_kernel_info_t const *kip)
{
	if (!kip->l4rec_timer_freq)
		return kip->clock;
	return __l4rec_ticks_to(__l4rec_cntvct(), kip->l4rec_timer_freq, 1000000ULL);
}

L4_INLINE l4_uint64_t l4_kip_clock_ns(l4_kernel_info_t const *kip)
{
	if (!kip->l4rec_timer_freq)
		return kip->clock * 1000ULL;
	return __l4rec_ticks_to(__l4rec_cntvct(), kip->l4rec_timer_freq, 1000000000ULL);
}

L4_INLINE l4_umword_t l4_kip_clock_lw(l4_kernel_info_t const *kip)
{
	return (l4_umword_t)l4_kip_clock(kip);
}

L4_INLINE int __l4rec_streq(char const *a, char const *b)
{
	while (*a && *a == *b) {
		++a;
		++b;
	}
	return *a == *b;
}

L4_INLINE l4_size_t __l4rec_strlen(char const *s)
{
	l4_size_t n = 0;

	while (s[n])
		++n;
	return n;
}

/* s must be an lvalue (it is advanced), so it cannot be parenthesised. */
#define l4_kip_for_each_feature(s) /* NOLINT(bugprone-macro-parentheses) */ \
	for (s += __l4rec_strlen(s) + 1; *s; s += __l4rec_strlen(s) + 1) /* NOLINT */

L4_INLINE int l4_kip_kernel_has_feature(l4_kernel_info_t const *kip, char const *str)
{
	const char *s = l4_kip_version_string(kip);

	if (!s)
		return 0;
	l4_kip_for_each_feature(s)
	{
		if (__l4rec_streq(s, str))
			return 1;
	}
	return 0;
}

#endif /* L4_SYS_KIP_H */
