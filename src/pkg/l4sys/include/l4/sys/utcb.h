/* SPDX-License-Identifier: MIT */
/*
 * The user-level thread control block (UTCB): per-thread memory shared with
 * the kernel that holds the message registers (MRs), buffer registers (BRs)
 * and thread control registers (TCRs). Layout is Fiasco's AArch64 one:
 *
 *   offset   0  MR[0..62]      63 words (64th word unused)
 *   offset 512  BDR, BR[0..57] 59 words
 *   offset 984  TCR: error, free_marker, user[3]
 *   size  1024  (L4_UTCB_OFFSET: distance between UTCBs in ku_mem)
 *
 * The current thread's UTCB address is in TPIDRRO_EL0, which the kernel
 * loads on every switch to the thread.
 */
#ifndef L4_SYS_UTCB_H
#define L4_SYS_UTCB_H

#include <l4/sys/types.h>
#include <l4/sys/compiler.h>
#include <l4/sys/l4int.h>

/* Opaque: only reached through the accessors below. */
typedef struct l4_utcb_t l4_utcb_t;

/*
 * Exception state, overlaid on the MRs of an exception IPC. err is the
 * ESR of the exception, pfa the FAR for aborts.
 */
typedef struct l4_exc_regs_t {
	l4_umword_t eret_work;
	l4_umword_t r[31];
	l4_umword_t reserved;
	l4_umword_t err;
	l4_umword_t pfa;
	l4_umword_t sp;
	union {
		l4_umword_t ip;
		l4_umword_t pc;
	};
	union {
		l4_umword_t flags;
		l4_umword_t pstate;
	};
	l4_umword_t tpidruro;
	l4_umword_t tpidrurw;
} l4_exc_regs_t;

enum L4_utcb_consts_arm64 {
	L4_UTCB_EXCEPTION_REGS_SIZE = sizeof(l4_exc_regs_t) / sizeof(l4_umword_t),
	L4_UTCB_GENERIC_DATA_SIZE = 63,
	L4_UTCB_GENERIC_BUFFERS_SIZE = 58,

	L4_UTCB_MSG_REGS_OFFSET = 0,
	L4_UTCB_BUF_REGS_OFFSET = 64 * sizeof(l4_umword_t),
	L4_UTCB_THREAD_REGS_OFFSET = 123 * sizeof(l4_umword_t),

	L4_UTCB_INHERIT_FPU = 1UL << 24,

	L4_UTCB_OFFSET = 1024,
};

typedef union l4_msg_regs_t {
	l4_umword_t mr[L4_UTCB_GENERIC_DATA_SIZE];
	l4_uint64_t mr64[L4_UTCB_GENERIC_DATA_SIZE / (sizeof(l4_uint64_t) / sizeof(l4_umword_t))];
} l4_msg_regs_t;

typedef struct l4_buf_regs_t {
	l4_umword_t bdr; /* buffer descriptor, see l4_bdr() */
	l4_umword_t br[L4_UTCB_GENERIC_BUFFERS_SIZE];
} l4_buf_regs_t;

typedef struct l4_thread_regs_t {
	l4_umword_t error;	 /* IPC error code when the tag has ERROR */
	l4_umword_t free_marker; /* kernel zeroes it when done with the UTCB */
	l4_umword_t user[3];	 /* ignored and preserved by the kernel */
} l4_thread_regs_t;

_Static_assert(sizeof(l4_exc_regs_t) == 40 * 8, "arm64 exception regs");
_Static_assert(L4_UTCB_EXCEPTION_REGS_SIZE <= L4_UTCB_GENERIC_DATA_SIZE,
	       "exception state must fit the MRs");
_Static_assert(sizeof(l4_msg_regs_t) == 63 * 8, "63 message registers");
_Static_assert(L4_UTCB_BUF_REGS_OFFSET == 512, "BR block offset");
_Static_assert(L4_UTCB_BUF_REGS_OFFSET + sizeof(l4_buf_regs_t) == L4_UTCB_THREAD_REGS_OFFSET,
	       "BRs end where the TCRs begin");
_Static_assert(L4_UTCB_THREAD_REGS_OFFSET == 984, "TCR block offset");
_Static_assert(L4_UTCB_THREAD_REGS_OFFSET + sizeof(l4_thread_regs_t) == L4_UTCB_OFFSET,
	       "UTCB is exactly 1 KiB");
_Static_assert(__builtin_offsetof(l4_exc_regs_t, err) == 33 * 8, "exc err");
_Static_assert(__builtin_offsetof(l4_exc_regs_t, pc) == 36 * 8, "exc pc");

L4_INLINE l4_utcb_t *l4_utcb_direct(void)
{
	l4_utcb_t *utcb;

	__asm__("mrs %0, tpidrro_el0" : "=r"(utcb));
	return utcb;
}

L4_INLINE l4_utcb_t *l4_utcb(void)
{
	return l4_utcb_direct();
}

L4_INLINE l4_msg_regs_t *l4_utcb_mr_u(l4_utcb_t *u)
{
	return (l4_msg_regs_t *)((char *)u + L4_UTCB_MSG_REGS_OFFSET);
}

L4_INLINE l4_buf_regs_t *l4_utcb_br_u(l4_utcb_t *u)
{
	return (l4_buf_regs_t *)((char *)u + L4_UTCB_BUF_REGS_OFFSET);
}

L4_INLINE l4_thread_regs_t *l4_utcb_tcr_u(l4_utcb_t *u)
{
	return (l4_thread_regs_t *)((char *)u + L4_UTCB_THREAD_REGS_OFFSET);
}

L4_INLINE l4_exc_regs_t *l4_utcb_exc_u(l4_utcb_t *u)
{
	return (l4_exc_regs_t *)((char *)u + L4_UTCB_MSG_REGS_OFFSET);
}

L4_INLINE l4_msg_regs_t *l4_utcb_mr(void)
{
	return l4_utcb_mr_u(l4_utcb());
}

L4_INLINE l4_buf_regs_t *l4_utcb_br(void)
{
	return l4_utcb_br_u(l4_utcb());
}

L4_INLINE l4_thread_regs_t *l4_utcb_tcr(void)
{
	return l4_utcb_tcr_u(l4_utcb());
}

L4_INLINE l4_exc_regs_t *l4_utcb_exc(void)
{
	return l4_utcb_exc_u(l4_utcb());
}

L4_INLINE void l4_utcb_inherit_fpu_u(l4_utcb_t *u, int switch_on)
{
	if (switch_on)
		l4_utcb_br_u(u)->bdr |= L4_UTCB_INHERIT_FPU;
	else
		l4_utcb_br_u(u)->bdr &= ~(l4_umword_t)L4_UTCB_INHERIT_FPU;
}

L4_INLINE void l4_utcb_inherit_fpu(int switch_on)
{
	l4_utcb_inherit_fpu_u(l4_utcb(), switch_on);
}

/* flags (bits 24..31) are passed already shifted. */
L4_INLINE l4_umword_t l4_bdr(l4_umword_t mem, l4_umword_t io, l4_umword_t obj, l4_umword_t flags)
{
	return (mem << L4_BDR_MEM_SHIFT) | (io << L4_BDR_IO_SHIFT) | (obj << L4_BDR_OBJ_SHIFT) |
	       flags;
}

/* Put a 64-bit deadline into BR 'br' and return the timeout naming it. */
L4_INLINE l4_timeout_s l4_timeout_abs_u(l4_kernel_clock_t val, int br, l4_utcb_t *utcb)
{
	l4_timeout_s to;

	to.t = (l4_uint16_t)(0x8000 | (br & 0x3f));
	l4_utcb_br_u(utcb)->br[br] = val;
	return to;
}

L4_INLINE l4_timeout_s l4_timeout_abs(l4_kernel_clock_t val, int br)
{
	return l4_timeout_abs_u(val, br, l4_utcb());
}

L4_INLINE unsigned l4_utcb_mr64_idx(unsigned idx)
{
	return idx / (sizeof(l4_uint64_t) / sizeof(l4_umword_t));
}

L4_INLINE l4_umword_t l4_utcb_exc_pc(l4_exc_regs_t const *u)
{
	return u->pc;
}

L4_INLINE void l4_utcb_exc_pc_set(l4_exc_regs_t *u, l4_addr_t pc)
{
	u->pc = pc;
}

/* Exception class (ESR.EC). */
L4_INLINE unsigned long l4_utcb_exc_typeval(l4_exc_regs_t const *u)
{
	return u->err >> 26;
}

/* EC 0x20..0x2f covers instruction and data aborts. */
L4_INLINE int l4_utcb_exc_is_pf(l4_exc_regs_t const *u)
{
	return ((u->err >> 26) & 0x30) == 0x20;
}

/* L4-style fault address: bit 1 = write (from ESR.WnR, bit 6). */
L4_INLINE l4_addr_t l4_utcb_exc_pfa(l4_exc_regs_t const *u)
{
	return (u->pfa & ~7UL) | ((u->err >> 5) & 2);
}

/* EC 0x3e is what the kernel reports for L4_THREAD_EX_REGS_TRIGGER_EXCEPTION. */
L4_INLINE int l4_utcb_exc_is_ex_regs_exception(l4_exc_regs_t const *u)
{
	return (u->err >> 26) == 0x3e;
}

#endif /* L4_SYS_UTCB_H */
