/* SPDX-License-Identifier: MIT */
/*
 * Constants of the L4 system call interface: invocation flags, capability
 * index layout, the initial capability slots, unmap flags, message-item bits
 * and page sizes. Values are L4Re's (Fiasco's AArch64 ABI) so that L4Re
 * programs compile unchanged and one day run unchanged.
 */
#ifndef L4_SYS_CONSTS_H
#define L4_SYS_CONSTS_H

#include <l4/sys/compiler.h>
#include <l4/sys/l4int.h>

/*
 * Invocation flags, OR-ed into the low bits of the destination capability
 * selector (x2). They pick the IPC phases; see docs/abi.md.
 */
enum l4_syscall_flags_t {
	L4_SYSF_NONE = 0x00,
	L4_SYSF_SEND = 0x01,	  /* send phase to the selected object */
	L4_SYSF_RECV = 0x02,	  /* receive phase */
	L4_SYSF_OPEN_WAIT = 0x04, /* receive from anybody, not the selected one */
	L4_SYSF_REPLY = 0x08,	  /* send to the implicit reply capability */

	L4_SYSF_CALL = L4_SYSF_SEND | L4_SYSF_RECV,
	L4_SYSF_WAIT = L4_SYSF_OPEN_WAIT | L4_SYSF_RECV,
	L4_SYSF_SEND_AND_WAIT = L4_SYSF_OPEN_WAIT | L4_SYSF_CALL,
	L4_SYSF_REPLY_AND_WAIT = L4_SYSF_WAIT | L4_SYSF_SEND | L4_SYSF_REPLY,
};

/*
 * A capability selector is index << L4_CAP_SHIFT. Bit 11 set marks the
 * invalid selector, which is why L4_INVALID_CAP has all bits from 11 up set.
 */
enum l4_cap_consts_t {
	L4_CAP_SHIFT = 12UL,
	L4_CAP_SIZE = 1UL << L4_CAP_SHIFT,
	L4_CAP_OFFSET = 1UL << L4_CAP_SHIFT,
	L4_CAP_MASK = ~0UL << (L4_CAP_SHIFT - 1),
	L4_INVALID_CAP = ~0UL << (L4_CAP_SHIFT - 1),
	L4_INVALID_CAP_BIT = 1UL << (L4_CAP_SHIFT - 1),
};

enum l4_sched_consts_t {
	L4_SCHED_MIN_PRIO = 0,
	L4_SCHED_MAX_PRIO = 255,
};

/* Unmap flags (map_mask argument of l4_task_unmap()). */
enum l4_unmap_flags_t {
	L4_FP_ALL_SPACES = 0x80000000UL, /* revoke in the task itself too */
	L4_FP_DELETE_OBJ = 0xc0000000UL, /* also delete objects (implies ALL) */
	L4_FP_OTHER_SPACES = 0x0UL,	 /* only revoke from derived mappings */
};

/* Bits in the first word of a send item and of a receive item. */
enum l4_msg_item_consts_t {
	L4_ITEM_MAP = 8,  /* marks a (map) item; clear = end of BR list */
	L4_ITEM_CONT = 1, /* next send item goes to the same rcv item */

	L4_MAP_ITEM_GRANT = 2, /* send: grant (move) instead of map */
	L4_MAP_ITEM_MAP = 0,

	/* receive: one-word buffer for a single capability (index in 12..63) */
	L4_RCV_ITEM_SINGLE_CAP = L4_ITEM_MAP | 2,
	/* receive: prefer a local id / label over a real mapping */
	L4_RCV_ITEM_LOCAL_ID = 4,
};

/* Buffer descriptor (bdr) fields. */
enum l4_buffer_desc_consts_t {
	L4_BDR_MEM_SHIFT = 0,
	L4_BDR_IO_SHIFT = 5,
	L4_BDR_OBJ_SHIFT = 10,
	L4_BDR_OFFSET_MASK = (1UL << 20) - 1,
};

/*
 * Capability slots the kernel fills in for the two initial tasks (sigma0
 * and the root task). Ordinary programs learn their capabilities from the
 * L4Re environment instead.
 */
enum l4_default_caps_t {
	L4_BASE_TASK_CAP = 1UL << L4_CAP_SHIFT,
	L4_BASE_FACTORY_CAP = 2UL << L4_CAP_SHIFT,
	L4_BASE_THREAD_CAP = 3UL << L4_CAP_SHIFT,
	L4_BASE_PAGER_CAP = 4UL << L4_CAP_SHIFT,
	L4_BASE_LOG_CAP = 5UL << L4_CAP_SHIFT,
	L4_BASE_ICU_CAP = 6UL << L4_CAP_SHIFT,
	L4_BASE_SCHEDULER_CAP = 7UL << L4_CAP_SHIFT,
	L4_BASE_IOMMU_CAP = 8UL << L4_CAP_SHIFT,
	L4_BASE_DEBUGGER_CAP = 10UL << L4_CAP_SHIFT,
	L4_BASE_ARM_SMCCC_CAP = 11UL << L4_CAP_SHIFT,

	L4_BASE_CAPS_LAST_P1,
	L4_BASE_CAPS_LAST = L4_BASE_CAPS_LAST_P1 - 1,
};

/* AArch64 with a 4 KiB granule: pages and 2 MiB blocks. */
#define L4_PAGESHIFT 12
#define L4_SUPERPAGESHIFT 21
#define L4_PAGESIZE (1UL << L4_PAGESHIFT)
#define L4_PAGEMASK (~(L4_PAGESIZE - 1))
#define L4_LOG2_PAGESIZE L4_PAGESHIFT
#define L4_SUPERPAGESIZE (1UL << L4_SUPERPAGESHIFT)
#define L4_SUPERPAGEMASK (~(L4_SUPERPAGESIZE - 1))
#define L4_LOG2_SUPERPAGESIZE L4_SUPERPAGESHIFT

/*
 * (L4ReC) User virtual addresses at or above this belong to the kernel
 * (the KIP lives there, see kip.h); user mappings must stay below.
 */
#define L4REC_USER_TOP 0x0000ffff00000000UL

enum l4_addr_consts_t {
	L4_INVALID_ADDR = ~0UL,
};
#define L4_INVALID_PTR ((void *)L4_INVALID_ADDR)

#ifndef NULL
#define NULL ((void *)0)
#endif

L4_INLINE l4_addr_t l4_trunc_page(l4_addr_t address)
{
	return address & L4_PAGEMASK;
}

L4_INLINE l4_addr_t l4_trunc_size(l4_addr_t address, unsigned char bits)
{
	return address & (~0UL << bits);
}

L4_INLINE l4_addr_t l4_round_page(l4_addr_t address)
{
	return (address + L4_PAGESIZE - 1) & L4_PAGEMASK;
}

L4_INLINE l4_addr_t l4_round_size(l4_addr_t value, unsigned char bits)
{
	return (value + (1UL << bits) - 1) & (~0UL << bits);
}

L4_INLINE unsigned l4_bytes_to_mwords(unsigned size)
{
	return (size + sizeof(l4_umword_t) - 1) / sizeof(l4_umword_t);
}

#endif /* L4_SYS_CONSTS_H */
