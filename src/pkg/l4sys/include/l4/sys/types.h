/* SPDX-License-Identifier: MIT */
/*
 * Basic ABI data types: kernel protocol numbers, the message tag and
 * capability selectors. Flexpages and timeouts are pulled in at the end
 * because L4Re programs expect them from <l4/sys/types.h>.
 *
 * Message tag (one machine word, x0 of the system call):
 *   bits  0..5   number of untyped words (MRs) sent
 *   bits  6..11  number of typed items (two MRs each, after the words)
 *   bits 12..15  flags (L4_MSGTAG_*)
 *   bits 16..63  label, signed: protocol id or result code
 */
#ifndef L4_SYS_TYPES_H
#define L4_SYS_TYPES_H

#include <l4/sys/l4int.h>
#include <l4/sys/compiler.h>
#include <l4/sys/consts.h>

/* Protocol ids the kernel uses in tag labels (negative = reserved). */
enum L4_msgtag_protocol {
	L4_PROTO_NONE = 0,
	L4_PROTO_ALLOW_SYSCALL = 1,
	L4_PROTO_PF_EXCEPTION = 1,

	L4_PROTO_IRQ = -1L,
	L4_PROTO_PAGE_FAULT = -2L,
	L4_PROTO_PREEMPTION = -3L,
	L4_PROTO_SYS_EXCEPTION = -4L,
	L4_PROTO_EXCEPTION = -5L,
	L4_PROTO_SIGMA0 = -6L,
	L4_PROTO_IO_PAGE_FAULT = -8L,
	L4_PROTO_KOBJECT = -10L,
	L4_PROTO_TASK = -11L,
	L4_PROTO_THREAD = -12L,
	L4_PROTO_LOG = -13L,
	L4_PROTO_SCHEDULER = -14L,
	L4_PROTO_FACTORY = -15L,
	L4_PROTO_VM = -16L,
	L4_PROTO_DMA_SPACE = -17L,
	L4_PROTO_IRQ_SENDER = -18L,
	L4_PROTO_IRQ_MUX = -19L,
	L4_PROTO_SEMAPHORE = -20L,
	L4_PROTO_META = -21L,
	L4_PROTO_IOMMU = -22L,
	L4_PROTO_DEBUGGER = -23L,
	L4_PROTO_SMCCC = -24L,
};

/* Type codes of variable arguments (factory create parameters). */
enum L4_varg_type {
	L4_VARG_TYPE_NIL = 0x00,
	L4_VARG_TYPE_UMWORD = 0x01,
	L4_VARG_TYPE_MWORD = 0x81,
	L4_VARG_TYPE_STRING = 0x02,
	L4_VARG_TYPE_FPAGE = 0x03,
	L4_VARG_TYPE_SIGN = 0x80,
};

enum L4_msgtag_flags {
	L4_MSGTAG_ERROR = 0x8000, /* result: IPC failed, see TCR error */
	L4_MSGTAG_TRANSFER_FPU = 0x1000,
	L4_MSGTAG_SCHEDULE = 0x2000,
	L4_MSGTAG_PROPAGATE = 0x4000,
	L4_MSGTAG_FLAGS = 0xf000,
};

/* Kept as a struct so that tags and plain words cannot be mixed up. */
typedef struct l4_msgtag_t {
	l4_mword_t raw;
} l4_msgtag_t;

/* Capability selector: index << L4_CAP_SHIFT, or L4_INVALID_CAP. */
typedef unsigned long l4_cap_idx_t;

L4_INLINE l4_msgtag_t l4_msgtag(long label, unsigned words, unsigned items, unsigned flags)
{
	l4_msgtag_t t;

	t.raw = (l4_mword_t)(((l4_umword_t)label << 16) | (l4_umword_t)(words & 0x3f) |
			     ((l4_umword_t)(items & 0x3f) << 6) | (l4_umword_t)(flags & 0xf000));
	return t;
}

/* Arithmetic shift keeps negative labels negative. */
L4_INLINE long l4_msgtag_label(l4_msgtag_t t)
{
	return t.raw >> 16;
}

L4_INLINE unsigned l4_msgtag_words(l4_msgtag_t t)
{
	return (unsigned)(t.raw & 0x3f);
}

L4_INLINE unsigned l4_msgtag_items(l4_msgtag_t t)
{
	return (unsigned)((t.raw >> 6) & 0x3f);
}

L4_INLINE unsigned l4_msgtag_flags(l4_msgtag_t t)
{
	return (unsigned)(t.raw & 0xf000);
}

L4_INLINE unsigned l4_msgtag_has_error(l4_msgtag_t t)
{
	return (unsigned)(t.raw & L4_MSGTAG_ERROR);
}

L4_INLINE unsigned l4_msgtag_is_page_fault(l4_msgtag_t t)
{
	return l4_msgtag_label(t) == L4_PROTO_PAGE_FAULT;
}

L4_INLINE unsigned l4_msgtag_is_preemption(l4_msgtag_t t)
{
	return l4_msgtag_label(t) == L4_PROTO_PREEMPTION;
}

L4_INLINE unsigned l4_msgtag_is_sys_exception(l4_msgtag_t t)
{
	return l4_msgtag_label(t) == L4_PROTO_SYS_EXCEPTION;
}

L4_INLINE unsigned l4_msgtag_is_exception(l4_msgtag_t t)
{
	return l4_msgtag_label(t) == L4_PROTO_EXCEPTION;
}

L4_INLINE unsigned l4_msgtag_is_sigma0(l4_msgtag_t t)
{
	return l4_msgtag_label(t) == L4_PROTO_SIGMA0;
}

L4_INLINE unsigned l4_msgtag_is_io_page_fault(l4_msgtag_t t)
{
	return l4_msgtag_label(t) == L4_PROTO_IO_PAGE_FAULT;
}

L4_INLINE unsigned l4_is_invalid_cap(l4_cap_idx_t c)
{
	return (unsigned)(c & L4_INVALID_CAP_BIT);
}

L4_INLINE unsigned l4_is_valid_cap(l4_cap_idx_t c)
{
	return !(c & L4_INVALID_CAP_BIT);
}

L4_INLINE unsigned l4_capability_equal(l4_cap_idx_t c1, l4_cap_idx_t c2)
{
	return (c1 >> L4_CAP_SHIFT) == (c2 >> L4_CAP_SHIFT);
}

L4_INLINE l4_cap_idx_t l4_capability_next(l4_cap_idx_t c)
{
	return c + L4_CAP_OFFSET;
}

#include <l4/sys/__l4_fpage.h>
#include <l4/sys/__timeout.h>

#endif /* L4_SYS_TYPES_H */
