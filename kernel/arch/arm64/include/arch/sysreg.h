/* SPDX-License-Identifier: MIT */
/*
 * System register access and the bit values the kernel programs.  The kernel
 * runs at EL2 with VHE (HCR_EL2.E2H = TGE = 1), so the *_EL1 names used by the
 * EL2&0 regime (TCR, MAIR, SCTLR via their EL2 encodings) follow the EL1
 * layouts.
 */
#ifndef ARCH_SYSREG_H
#define ARCH_SYSREG_H

#define HCR_E2H (1UL << 34)
#define HCR_TGE (1UL << 27)
#define HCR_RW (1UL << 31)

#define SCTLR_M (1UL << 0)
#define SCTLR_A (1UL << 1)
#define SCTLR_C (1UL << 2)
#define SCTLR_SA (1UL << 3)
#define SCTLR_SA0 (1UL << 4)
#define SCTLR_I (1UL << 12)
#define SCTLR_WXN (1UL << 19)
#define SCTLR_SPAN (1UL << 23)

/* MAIR slots: the index is what page table entries name. */
#define MAIR_IDX_DEVICE 0
#define MAIR_IDX_NORMAL 1
#define MAIR_IDX_NC 2
#define MAIR_VALUE (0x04UL | (0xffUL << 8) | (0x44UL << 16))

#define ESR_EC_SHIFT 26
#define ESR_EC_UNKNOWN 0x00
#define ESR_EC_FP 0x07
#define ESR_EC_SVC64 0x15
#define ESR_EC_IABT_LOW 0x20
#define ESR_EC_IABT_CUR 0x21
#define ESR_EC_PC_ALIGN 0x22
#define ESR_EC_DABT_LOW 0x24
#define ESR_EC_DABT_CUR 0x25
#define ESR_EC_SP_ALIGN 0x26
#define ESR_EC_BRK64 0x3c
#define ESR_ISS_WNR (1UL << 6)

#ifndef __ASSEMBLER__
#define read_sysreg(r)                                       \
	({                                                   \
		unsigned long __v;                           \
		__asm__ volatile("mrs %0, " #r : "=r"(__v)); \
		__v;                                         \
	})
#define write_sysreg(r, v) __asm__ volatile("msr " #r ", %0" ::"r"((unsigned long)(v)))
#define isb() __asm__ volatile("isb" ::: "memory")
#define dsb(opt) __asm__ volatile("dsb " #opt ::: "memory")
#endif

#endif
