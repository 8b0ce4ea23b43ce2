// SPDX-License-Identifier: MIT
/*
 * The RTC class of drivers/rtc/class.c and interface.c, cut to what a
 * driver server needs: drivers allocate and register an rtc_device as in
 * Linux; the server reads and sets the time of the first one registered
 * through its rtc_class_ops, under ops_lock, with Linux's validity and
 * range checks.  rtc_update_irq() counts alarm interrupts (no timer
 * queue, no character device, no hctosys).
 */
#include <linux/rtc.h>
#include <linux/slab.h>

#include "dde_linux.h"

static struct rtc_device *the_rtc;
static unsigned long alarm_irqs;
static int next_id;

static void devm_rtc_release_device(void *res)
{
	struct rtc_device *rtc = res;

	kfree(rtc->dev.kobj.name);
	kfree(rtc);
}

struct rtc_device *devm_rtc_allocate_device(struct device *dev)
{
	struct rtc_device *rtc = kzalloc(sizeof(*rtc), GFP_KERNEL);
	char name[16];

	if (!rtc)
		return ERR_PTR(-ENOMEM);
	rtc->id = next_id++;
	snprintf(name, sizeof(name), "rtc%d", rtc->id);
	dde_device_init(&rtc->dev, name);
	rtc->dev.parent = dev;
	mutex_init(&rtc->ops_lock);
	spin_lock_init(&rtc->irq_lock);
	rtc->irq_freq = 1;
	rtc->max_user_freq = 64;
	rtc->range_max = U64_MAX;
	set_bit(RTC_FEATURE_ALARM, rtc->features);
	set_bit(RTC_FEATURE_UPDATE_INTERRUPT, rtc->features);
	if (devm_add_action_or_reset(dev, devm_rtc_release_device, rtc))
		return ERR_PTR(-ENOMEM);
	return rtc;
}

static void devm_rtc_unregister_device(void *data)
{
	struct rtc_device *rtc = data;

	mutex_lock(&rtc->ops_lock);
	rtc->ops = NULL;
	mutex_unlock(&rtc->ops_lock);
	if (the_rtc == rtc)
		the_rtc = NULL;
}

int __devm_rtc_register_device(struct module *owner, struct rtc_device *rtc)
{
	if (!rtc->ops) {
		dev_dbg(&rtc->dev, "no ops set\n");
		return -EINVAL;
	}
	if (!rtc->ops->set_alarm)
		clear_bit(RTC_FEATURE_ALARM, rtc->features);
	rtc->owner = owner;
	if (!the_rtc)
		the_rtc = rtc;
	dev_info(rtc->dev.parent, "registered as %s\n", dev_name(&rtc->dev));
	return devm_add_action_or_reset(rtc->dev.parent, devm_rtc_unregister_device, rtc);
}

void rtc_update_irq(struct rtc_device *rtc, unsigned long num, unsigned long events)
{
	if (IS_ERR_OR_NULL(rtc))
		return;
	rtc->irq_data = (rtc->irq_data + (num << 8)) | (events & 0x000000F0);
	if (events & RTC_AF)
		alarm_irqs += num;
}

int dde_linux_rtc_read(long long *seconds)
{
	struct rtc_time tm = {};
	int err;

	if (!the_rtc)
		return -ENODEV;
	mutex_lock(&the_rtc->ops_lock);
	if (!the_rtc->ops)
		err = -ENODEV;
	else if (!the_rtc->ops->read_time)
		err = -EINVAL;
	else
		err = the_rtc->ops->read_time(the_rtc->dev.parent, &tm);
	mutex_unlock(&the_rtc->ops_lock);
	if (!err)
		err = rtc_valid_tm(&tm);
	if (err) {
		dev_err(&the_rtc->dev, "read_time failed: %d\n", err);
		return dde_l4_err(err);
	}
	*seconds = rtc_tm_to_time64(&tm);
	return 0;
}

int dde_linux_rtc_set(long long seconds)
{
	struct rtc_time tm;
	int err;

	if (!the_rtc)
		return -ENODEV;
	if (seconds < the_rtc->range_min || (u64)seconds > the_rtc->range_max)
		return -ERANGE;
	rtc_time64_to_tm(seconds, &tm);
	mutex_lock(&the_rtc->ops_lock);
	if (!the_rtc->ops)
		err = -ENODEV;
	else if (!the_rtc->ops->set_time)
		err = -EINVAL;
	else
		err = the_rtc->ops->set_time(the_rtc->dev.parent, &tm);
	mutex_unlock(&the_rtc->ops_lock);
	return dde_l4_err(err);
}

unsigned long dde_linux_rtc_irq_count(void)
{
	return alarm_irqs;
}

unsigned long dde_linux_rtc_features(void)
{
	return the_rtc && test_bit(RTC_FEATURE_ALARM, the_rtc->features) ? 1 : 0;
}
