// SPDX-License-Identifier: MIT
/*
 * Console output on QEMU virt's PL011 (0x0900_0000; QEMU needs no set-up),
 * a minimal formatter, and the ways bootstrap stops: semihosting exit (so a
 * failed boot ends a test run at once) and, without semihosting, a halt.
 */
#include <stdarg.h>

#include "bootstrap.h"

#define PL011_BASE 0x09000000UL
#define PL011_DR 0x00
#define PL011_FR 0x18
#define PL011_FR_TXFF (1U << 5)

static volatile int exiting;

static inline void mmio_write32(uint64_t addr, uint32_t v)
{
	*(volatile uint32_t *)addr = v;
}

static inline uint32_t mmio_read32(uint64_t addr)
{
	return *(volatile uint32_t *)addr;
}

void bs_putc(char c)
{
	if (c == '\n')
		bs_putc('\r');
	while (mmio_read32(PL011_BASE + PL011_FR) & PL011_FR_TXFF)
		;
	mmio_write32(PL011_BASE + PL011_DR, (unsigned char)c);
}

static void put_str(const char *s)
{
	while (*s)
		bs_putc(*s++);
}

static void put_hex(uint64_t v)
{
	int shift = 60;

	put_str("0x");
	while (shift > 0 && !((v >> shift) & 0xf))
		shift -= 4;
	for (; shift >= 0; shift -= 4)
		bs_putc("0123456789abcdef"[(v >> shift) & 0xf]);
}

static void put_dec(unsigned v)
{
	char buf[12];
	int i = 0;

	do {
		buf[i++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (i)
		bs_putc(buf[--i]);
}

static void vprint(const char *fmt, va_list ap)
{
	for (; *fmt; fmt++) {
		if (*fmt != '%' || !fmt[1]) {
			bs_putc(*fmt);
			continue;
		}
		switch (*++fmt) {
		case 's':
			put_str(va_arg(ap, const char *));
			break;
		case 'u':
			put_dec(va_arg(ap, unsigned));
			break;
		case 'x':
			put_hex(va_arg(ap, uint64_t));
			break;
		default:
			bs_putc('%');
			bs_putc(*fmt);
		}
	}
}

void bs_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprint(fmt, ap);
	va_end(ap);
}

_Noreturn void bs_halt(int code)
{
	/* SYS_EXIT_EXTENDED {ADP_Stopped_ApplicationExit, code}: QEMU exits. */
	static volatile uint64_t block[2];
	register uint64_t x0 __asm__("x0") = 0x20;
	register uint64_t x1 __asm__("x1") = (uint64_t)block;

	block[0] = 0x20026;
	block[1] = (uint64_t)(int64_t)code;
	exiting = 1;
	/* Without -semihosting the hlt traps; bootstrap_trap then just waits. */
	__asm__ volatile("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
	for (;;)
		__asm__ volatile("wfe");
}

_Noreturn void bs_fatal(const char *fmt, ...)
{
	va_list ap;

	put_str("bootstrap: error: ");
	va_start(ap, fmt);
	vprint(fmt, ap);
	va_end(ap);
	put_str("\nbootstrap: halted\n");
	bs_halt(1);
}

void bootstrap_trap(uint64_t vec, uint64_t esr, uint64_t elr, uint64_t far)
{
	if (exiting)
		return;
	bs_printf("bootstrap: unexpected exception (vector %u) ESR %x ELR %x FAR %x\n",
		  (unsigned)vec, esr, elr, far);
	bs_halt(1);
}
