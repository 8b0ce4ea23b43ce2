// SPDX-License-Identifier: MIT
/*
 * Compile-time checks of the ABI the kernel implements from docs/abi.md.
 * The headers assert their own layouts; this file pins the encodings that a
 * silent edit would break without any layout changing (values shared with
 * Fiasco's AArch64 ABI). It emits no code.
 */
#include <l4/sys/kernel_object.h>
#include <l4/sys/kip.h>
#include <l4/sys/kdebug.h>
#include <l4/sigma0/sigma0.h>

_Static_assert(L4_CAP_SHIFT == 12, "capability index shift");
_Static_assert(L4_INVALID_CAP == 0xfffffffffffff800UL, "invalid selector");
_Static_assert(L4_BASE_TASK_CAP == 0x1000 && L4_BASE_FACTORY_CAP == 0x2000 &&
		       L4_BASE_THREAD_CAP == 0x3000 && L4_BASE_PAGER_CAP == 0x4000 &&
		       L4_BASE_LOG_CAP == 0x5000 && L4_BASE_ICU_CAP == 0x6000 &&
		       L4_BASE_SCHEDULER_CAP == 0x7000,
	       "initial capability slots");
_Static_assert(L4_SYSF_CALL == 3 && L4_SYSF_WAIT == 6 && L4_SYSF_SEND_AND_WAIT == 7 &&
		       L4_SYSF_REPLY_AND_WAIT == 0xf,
	       "invocation flags");
_Static_assert(L4_PROTO_TASK == -11 && L4_PROTO_THREAD == -12 && L4_PROTO_FACTORY == -15 &&
		       L4_PROTO_PAGE_FAULT == -2 && L4_PROTO_EXCEPTION == -5 &&
		       L4_PROTO_IRQ == -1 && L4_PROTO_SIGMA0 == -6 && L4_PROTO_LOG == -13,
	       "kernel protocol ids");
_Static_assert(L4_ITEM_MAP == 8 && L4_RCV_ITEM_SINGLE_CAP == 0xa, "item type bits");
_Static_assert(L4_UTCB_EXCEPTION_REGS_SIZE == 40, "arm64 exception message");
_Static_assert(sizeof(l4_timeout_t) == 4, "timeout pair is 32 bits");
_Static_assert(sizeof(l4_msgtag_t) == 8 && sizeof(l4_fpage_t) == 8, "one-word ABI types");
_Static_assert(L4REC_KIP_ADDR >= L4REC_USER_TOP, "KIP above user space");
_Static_assert(SIGMA0_REQ_FPAGE_RAM == 0xffffffffffffff60UL, "sigma0 request encoding");
