/* SPDX-License-Identifier: MIT */
#ifndef PLAT_UART_H
#define PLAT_UART_H

#include <stdbool.h>

void uart_putc(char c);
/* A received byte, or -1 when none is waiting. */
int uart_getc(void);
/* Is a received byte waiting? */
bool uart_getc_pending(void);

#endif
