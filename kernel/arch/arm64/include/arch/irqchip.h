/* SPDX-License-Identifier: MIT */
/* The interrupt controller (GICv3) and the kernel timer. */
#ifndef ARCH_IRQCHIP_H
#define ARCH_IRQCHIP_H

#include <types.h>

#define IRQ_SPURIOUS 1023u

void gic_init(void);
void gic_enable(unsigned int irq);
void gic_disable(unsigned int irq);
/* Acknowledge the highest pending interrupt; IRQ_SPURIOUS if none. */
unsigned int gic_ack(void);
void gic_eoi(unsigned int irq);
unsigned int gic_nr_irqs(void);

void timer_init(unsigned int hz);
/* Re-arm after a tick. */
void timer_tick_ack(void);
uint64_t timer_now(void);
uint64_t timer_freq(void);

#endif
