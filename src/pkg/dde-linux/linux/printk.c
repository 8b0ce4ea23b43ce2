// SPDX-License-Identifier: MIT
/*
 * printk and the dev_* messages, to the server's log.  Formatting is the
 * C library's vsnprintf (l4re-libc), so the kernel's own extensions
 * (%pe, %pOF, %pR, ...) print as plain pointers followed by the letters.
 * KERN_DEBUG messages are dropped, as with Linux's default console level.
 */
#include <linux/device.h>
#include <linux/printk.h>
#include <linux/refcount.h>
#include <linux/kernel.h>

#include "dde_linux.h"

static int emit(const char *prefix, const char *fmt, va_list ap)
{
	char buf[512];
	const char *text = buf;
	int n, level = LOGLEVEL_DEFAULT, pre = 0;

	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	if (n < 0)
		return n;
	while (printk_get_level(text)) {
		char c = printk_get_level(text);

		if (c >= '0' && c <= '7')
			level = c - '0';
		text = printk_skip_level(text);
	}
	if (level == LOGLEVEL_DEBUG)
		return 0;
	if (prefix) {
		pre = strlen(prefix);
		dde_l4_write(prefix, pre);
	}
	dde_l4_write(text, strlen(text));
	return pre + (int)strlen(text);
}

asmlinkage int vprintk(const char *fmt, va_list args)
{
	return emit(NULL, fmt, args);
}

asmlinkage __visible int _printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = emit(NULL, fmt, ap);
	va_end(ap);
	return n;
}

/* WARN(): the message under Linux's marker line; the server goes on. */
void __warn_printk(const char *fmt, ...)
{
	va_list ap;

	_printk(KERN_WARNING "------------[ cut here ]------------\n");
	va_start(ap, fmt);
	emit(NULL, fmt, ap);
	va_end(ap);
}

const char *dev_driver_string(const struct device *dev)
{
	struct device_driver *drv = READ_ONCE(dev->driver);

	return drv ? drv->name : dev_bus_name(dev);
}

/* "<driver> <device>: " before the message, like Linux's dev_printk. */
static void dev_emit(const char *level, const struct device *dev, const char *fmt, va_list ap)
{
	char prefix[96];

	if (printk_get_level(level) == '7')
		return;
	if (dev)
		snprintf(prefix, sizeof(prefix), "%s %s: ", dev_driver_string(dev), dev_name(dev));
	else
		snprintf(prefix, sizeof(prefix), "(NULL device *): ");
	emit(prefix, fmt, ap);
}

void _dev_printk(const char *level, const struct device *dev, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	dev_emit(level, dev, fmt, ap);
	va_end(ap);
}

#define DEFINE_DEV_LEVEL(func, kern_level)                        \
	void func(const struct device *dev, const char *fmt, ...) \
	{                                                         \
		va_list ap;                                       \
		va_start(ap, fmt);                                \
		dev_emit(kern_level, dev, fmt, ap);               \
		va_end(ap);                                       \
	}

DEFINE_DEV_LEVEL(_dev_emerg, KERN_EMERG)
DEFINE_DEV_LEVEL(_dev_alert, KERN_ALERT)
DEFINE_DEV_LEVEL(_dev_crit, KERN_CRIT)
DEFINE_DEV_LEVEL(_dev_err, KERN_ERR)
DEFINE_DEV_LEVEL(_dev_warn, KERN_WARNING)
DEFINE_DEV_LEVEL(_dev_notice, KERN_NOTICE)
DEFINE_DEV_LEVEL(_dev_info, KERN_INFO)

int dev_err_probe(const struct device *dev, int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (err != -EPROBE_DEFER)
		dev_emit(KERN_ERR, dev, fmt, ap);
	va_end(ap);
	return err;
}

/* A driver found its state broken beyond repair: stop the server, saying why. */
void panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	printk(KERN_EMERG "dde: Linux panic: ");
	vprintk(fmt, ap);
	va_end(ap);
	printk(KERN_EMERG "\n");
	dde_l4_stop(70);
}

/* lib/refcount.c: a reference count over- or underflowed; it stays saturated. */
void refcount_warn_saturate(refcount_t *r, enum refcount_saturation_type t)
{
	refcount_set(r, REFCOUNT_SATURATED);
	WARN(1, "refcount_t: saturation type %d; use-after-free or leak\n", t);
}
