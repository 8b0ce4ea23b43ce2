// SPDX-License-Identifier: MIT
/* The kernel console: the PL011 at 0x09000000, polled. */
#include <arch/mmu.h>
#include <plat/platform.h>
#include <plat/uart.h>

#define UART_DR 0x00
#define UART_FR 0x18
#define FR_TXFF (1u << 5)
#define FR_RXFE (1u << 4)

static volatile uint32_t *uart_reg(unsigned long off)
{
	return (volatile uint32_t *)phys_to_virt(PLAT_UART_PHYS + off);
}

void uart_putc(char c)
{
	if (c == '\n')
		uart_putc('\r');
	while (*uart_reg(UART_FR) & FR_TXFF)
		;
	*uart_reg(UART_DR) = (uint32_t)(unsigned char)c;
}

int uart_getc(void)
{
	if (*uart_reg(UART_FR) & FR_RXFE)
		return -1;
	return (int)(*uart_reg(UART_DR) & 0xff);
}

bool uart_getc_pending(void)
{
	return !(*uart_reg(UART_FR) & FR_RXFE);
}
