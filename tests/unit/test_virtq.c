// SPDX-License-Identifier: MIT
/*
 * Split virtqueues (src/pkg/virtio/virtq.c) against a small fake device
 * that works only from the shared rings, as a real one would: it consumes
 * the available ring, walks descriptor chains, writes into device-writable
 * buffers, fills the used ring (in order or not) and applies the
 * notification and interrupt suppression rules.  Device addresses are the
 * host addresses of the buffers.
 */
#include "unit.h"

#include <stdint.h>
#include <stdlib.h>

#include <l4/virtio/virtio.h>
#include <l4/virtio/virtq.h>

#define MAX_PENDING 256

struct fake_dev {
	struct virtq_desc *desc;
	struct virtq_avail *avail;
	struct virtq_used *used;
	uint16_t num;
	bool event_idx;
	uint16_t last_avail; /* next available entry to take */
	uint16_t used_idx;   /* device's copy of used->idx */
	unsigned interrupts; /* times the device decided to interrupt */
	/* Chains taken but not yet completed: head and bytes it wrote. */
	uint16_t pend_head[MAX_PENDING];
	uint32_t pend_len[MAX_PENDING];
	unsigned npend;
	unsigned last_chain_len;
};

static void *ring_mem;
static struct virtq vq;
static struct fake_dev dev;

static void setup(unsigned num, bool event_idx)
{
	free(ring_mem);
	ring_mem = aligned_alloc(4096, (virtq_ring_bytes(num) + 4095) & ~(size_t)4095);
	memset(ring_mem, 0xa5, virtq_ring_bytes(num)); /* init must zero it */
	CHECK_EQ(virtq_init(&vq, num, ring_mem, (uintptr_t)ring_mem, event_idx), 0);
	memset(&dev, 0, sizeof(dev));
	/* The device knows only the addresses and the size, as via the transport. */
	dev.desc = (struct virtq_desc *)(uintptr_t)vq.desc_phys;
	dev.avail = (struct virtq_avail *)(uintptr_t)vq.avail_phys;
	dev.used = (struct virtq_used *)(uintptr_t)vq.used_phys;
	dev.num = (uint16_t)num;
	dev.event_idx = event_idx;
}

static bool dev_need_event(uint16_t event, uint16_t new_idx, uint16_t old_idx)
{
	return (uint16_t)(new_idx - event - 1) < (uint16_t)(new_idx - old_idx);
}

/* Take one chain from the available ring; write 0x5a into writable buffers. */
static bool dev_take(void)
{
	uint16_t head, i;
	uint32_t written = 0;
	unsigned n = 0;

	if (dev.avail->idx == dev.last_avail)
		return false;
	head = dev.avail->ring[dev.last_avail % dev.num];
	dev.last_avail++;
	CHECK(head < dev.num);
	i = head;
	for (;;) {
		struct virtq_desc *d = &dev.desc[i];

		CHECK(++n <= dev.num); /* a loop in the chain */
		if (d->flags & VIRTQ_DESC_F_WRITE) {
			memset((void *)(uintptr_t)d->addr, 0x5a, d->len);
			written += d->len;
		}
		if (!(d->flags & VIRTQ_DESC_F_NEXT))
			break;
		i = d->next;
		CHECK(i < dev.num);
	}
	dev.last_chain_len = n;
	CHECK(dev.npend < MAX_PENDING);
	dev.pend_head[dev.npend] = head;
	dev.pend_len[dev.npend] = written;
	dev.npend++;
	if (dev.event_idx)
		*(uint16_t *)&dev.used->ring[dev.num] = dev.last_avail; /* avail_event */
	return true;
}

/* Put pending chain k into the used ring and decide about an interrupt. */
static void dev_complete(unsigned k)
{
	uint16_t old = dev.used_idx;

	CHECK(k < dev.npend);
	dev.used->ring[dev.used_idx % dev.num].id = dev.pend_head[k];
	dev.used->ring[dev.used_idx % dev.num].len = dev.pend_len[k];
	dev.used_idx++;
	__atomic_thread_fence(__ATOMIC_RELEASE);
	dev.used->idx = dev.used_idx;
	dev.pend_head[k] = dev.pend_head[dev.npend - 1];
	dev.pend_len[k] = dev.pend_len[dev.npend - 1];
	dev.npend--;
	if (dev.event_idx) {
		if (dev_need_event(dev.avail->ring[dev.num], dev.used_idx, old))
			dev.interrupts++;
	} else if (!(dev.avail->flags & VIRTQ_AVAIL_F_NO_INTERRUPT)) {
		dev.interrupts++;
	}
}

/* Take everything available and complete it in order. */
static unsigned dev_run(void)
{
	unsigned n = 0;

	while (dev_take())
		n++;
	while (dev.npend)
		dev_complete(0);
	return n;
}

static struct virtq_buf buf(void *p, uint32_t len, bool w)
{
	return (struct virtq_buf){ (uintptr_t)p, len, w };
}

/*
 * Free list and in-flight chains (by the driver's private links) together
 * cover every descriptor exactly once.
 */
static void check_integrity(void)
{
	unsigned char seen[VIRTQ_MAX_SIZE] = { 0 };
	unsigned total = 0;
	uint16_t i = vq.free_head;

	for (unsigned k = 0; k < vq.num_free; k++) {
		CHECK(i < vq.num);
		CHECK(!seen[i]);
		CHECK(vq.slot[i].token == NULL);
		seen[i] = 1;
		total++;
		i = vq.slot[i].next;
	}
	for (unsigned h = 0; h < vq.num; h++) {
		if (!vq.slot[h].token)
			continue;
		i = (uint16_t)h;
		for (unsigned k = 0; k < vq.slot[h].len; k++) {
			CHECK(i < vq.num);
			CHECK(!seen[i]);
			seen[i] = 1;
			total++;
			i = vq.slot[i].next;
		}
	}
	CHECK_EQ(total, vq.num);
}

TEST(init_checks_arguments_and_zeroes)
{
	static unsigned char mem[8192] __attribute__((aligned(16)));

	CHECK_EQ(virtq_init(&vq, 0, mem, 0, false), -L4_EINVAL);
	CHECK_EQ(virtq_init(&vq, 3, mem, 0, false), -L4_EINVAL);
	CHECK_EQ(virtq_init(&vq, 512, mem, 0, false), -L4_EINVAL);
	CHECK_EQ(virtq_init(&vq, 8, mem, 8, false), -L4_EINVAL);
	CHECK(virtq_ring_bytes(256) <= 8192);
	setup(256, false);
	CHECK_EQ(vq.num_free, 256);
	CHECK_EQ(vq.avail->idx, 0);
	CHECK_EQ(vq.used->idx, 0);
	CHECK_EQ(vq.avail->flags, 0);
	CHECK_EQ(vq.desc_phys % 16, 0);
	CHECK_EQ(vq.avail_phys % 2, 0);
	CHECK_EQ(vq.used_phys % 4, 0);
	/* The areas do not overlap and fit in the size given. */
	CHECK(vq.avail_phys >= vq.desc_phys + 256 * 16);
	CHECK(vq.used_phys >= vq.avail_phys + 4 + 2 * 256 + 2);
	CHECK(vq.used_phys + 4 + 8 * 256 + 2 <= vq.desc_phys + virtq_ring_bytes(256));
	check_integrity();
}

TEST(chain_roundtrip)
{
	unsigned char hdr[16] = { 1 }, data[512], status = 0xff;
	struct virtq_buf b[3] = { buf(hdr, 16, false), buf(data, 512, true),
				  buf(&status, 1, true) };
	void *token = NULL;
	uint32_t len = 0;
	uint16_t h;

	setup(16, false);
	CHECK_EQ(virtq_add(&vq, b, 3, hdr), 0);
	CHECK_EQ(vq.num_free, 13);
	CHECK_EQ(vq.avail->idx, 1);
	/* The shared chain: flags and links as the device must see them. */
	h = vq.avail->ring[0];
	CHECK_EQ(vq.desc[h].flags, VIRTQ_DESC_F_NEXT);
	CHECK_EQ(vq.desc[h].len, 16);
	h = vq.desc[h].next;
	CHECK_EQ(vq.desc[h].flags, VIRTQ_DESC_F_NEXT | VIRTQ_DESC_F_WRITE);
	h = vq.desc[h].next;
	CHECK_EQ(vq.desc[h].flags, VIRTQ_DESC_F_WRITE);
	CHECK_EQ(vq.desc[h].addr, (uintptr_t)&status);
	CHECK(!virtq_has_used(&vq));
	CHECK_EQ(virtq_get_used(&vq, &token, &len), 0);
	CHECK_EQ(dev_run(), 1);
	CHECK_EQ(dev.last_chain_len, 3);
	CHECK(virtq_has_used(&vq));
	CHECK_EQ(virtq_get_used(&vq, &token, &len), 1);
	CHECK(token == hdr);
	CHECK_EQ(len, 513);
	CHECK_EQ(data[0], 0x5a);
	CHECK_EQ(status, 0x5a);
	CHECK_EQ(hdr[0], 1); /* device-readable: untouched */
	CHECK_EQ(vq.num_free, 16);
	CHECK_EQ(virtq_get_used(&vq, &token, &len), 0);
	check_integrity();
}

TEST(bad_chains_rejected)
{
	unsigned char a[8], b[8];
	struct virtq_buf wr_then_rd[2] = { buf(a, 8, true), buf(b, 8, false) };
	struct virtq_buf many[9];

	setup(8, false);
	CHECK_EQ(virtq_add(&vq, wr_then_rd, 2, a), -L4_EINVAL);
	CHECK_EQ(virtq_add(&vq, wr_then_rd, 0, a), -L4_EINVAL);
	CHECK_EQ(virtq_add(&vq, wr_then_rd, 1, NULL), -L4_EINVAL);
	for (unsigned i = 0; i < 9; i++)
		many[i] = buf(a, 8, false);
	CHECK_EQ(virtq_add(&vq, many, 9, a), -L4_EINVAL);
	CHECK_EQ(vq.num_free, 8);
	CHECK_EQ(vq.avail->idx, 0);
	/* A whole-queue chain is fine. */
	CHECK_EQ(virtq_add(&vq, many, 8, a), 0);
	CHECK_EQ(vq.num_free, 0);
	check_integrity();
}

TEST(running_out_of_descriptors)
{
	unsigned char d[4][64];
	struct virtq_buf three[3] = { buf(d[0], 64, false), buf(d[1], 64, true),
				      buf(d[2], 64, true) };
	void *token;

	setup(8, false);
	CHECK_EQ(virtq_add(&vq, three, 3, d[0]), 0);
	CHECK_EQ(virtq_add(&vq, three, 3, d[1]), 0);
	CHECK_EQ(virtq_add(&vq, three, 3, d[2]), -L4_EAGAIN);
	CHECK_EQ(vq.num_free, 2);
	CHECK_EQ(virtq_add(&vq, three, 2, d[2]), 0);
	CHECK_EQ(virtq_add(&vq, three, 1, d[3]), -L4_EAGAIN);
	CHECK_EQ(vq.avail->idx, 3);
	check_integrity();
	/* Completing one chain of three makes room for exactly three. */
	CHECK(dev_take());
	dev_complete(0);
	CHECK_EQ(virtq_get_used(&vq, &token, NULL), 1);
	CHECK(token == d[0]);
	CHECK_EQ(vq.num_free, 3);
	CHECK_EQ(virtq_add(&vq, three, 3, d[3]), 0);
	CHECK_EQ(vq.num_free, 0);
	check_integrity();
	dev_run();
	for (int n = 0; n < 3; n++)
		CHECK_EQ(virtq_get_used(&vq, &token, NULL), 1);
	CHECK_EQ(vq.num_free, 8);
	check_integrity();
}

TEST(index_wraparound)
{
	unsigned char d[2][32];
	struct virtq_buf two[2] = { buf(d[0], 32, false), buf(d[1], 32, true) };
	void *token;
	uint32_t len;

	setup(4, false);
	/* Past 65536 both free-running indices wrap; ring slots keep cycling. */
	for (unsigned n = 0; n < 70000; n++) {
		CHECK_EQ(virtq_add(&vq, two, 2, d[n & 1]), 0);
		CHECK_EQ(vq.avail->idx, (uint16_t)(n + 1));
		if (n % 2)
			dev_run();
		else
			continue;
		CHECK_EQ(virtq_get_used(&vq, &token, &len), 1);
		CHECK(token == d[(n - 1) & 1]);
		CHECK_EQ(len, 32);
		CHECK_EQ(virtq_get_used(&vq, &token, &len), 1);
		CHECK(token == d[n & 1]);
		CHECK_EQ(virtq_get_used(&vq, &token, &len), 0);
	}
	CHECK_EQ(vq.used->idx, (uint16_t)70000);
	CHECK_EQ(vq.last_used, (uint16_t)70000);
	CHECK_EQ(vq.num_free, 4);
	check_integrity();
}

TEST(out_of_order_completion_keeps_free_list)
{
	unsigned char data[8][16];
	struct virtq_buf bufs[8];
	unsigned in_flight = 0;
	void *token;

	setup(32, false);
	srand(42);
	for (unsigned i = 0; i < 8; i++)
		bufs[i] = buf(data[i], 16, i >= 4);
	for (unsigned step = 0; step < 20000; step++) {
		unsigned n = 1 + (unsigned)rand() % 8;
		int r = virtq_add(&vq, bufs, n, (void *)(uintptr_t)(step + 1));

		if (r == 0)
			in_flight++;
		else
			CHECK_EQ(r, -L4_EAGAIN);
		while (dev_take())
			;
		/* The device finishes a random pending chain, sometimes none. */
		if (dev.npend && rand() % 3)
			dev_complete((unsigned)rand() % dev.npend);
		while ((r = virtq_get_used(&vq, &token, NULL)) == 1)
			in_flight--;
		CHECK_EQ(r, 0);
		if (step % 97 == 0)
			check_integrity();
	}
	dev_run();
	while (virtq_get_used(&vq, &token, NULL) == 1)
		in_flight--;
	CHECK_EQ(in_flight, 0);
	CHECK_EQ(vq.num_free, 32);
	check_integrity();
}

TEST(bogus_used_entries_break_the_queue)
{
	unsigned char d[16];
	struct virtq_buf one = buf(d, 16, true);
	void *token;

	setup(8, false);
	CHECK_EQ(virtq_add(&vq, &one, 1, d), 0);
	CHECK(dev_take());
	/* A head that is not in flight. */
	dev.pend_head[0] = (uint16_t)((dev.pend_head[0] + 1) % 8);
	dev_complete(0);
	CHECK_EQ(virtq_get_used(&vq, &token, NULL), -L4_EIO);
	CHECK(vq.broken);
	CHECK_EQ(virtq_add(&vq, &one, 1, d), -L4_EIO);
	check_integrity();

	/* An id beyond the queue size. */
	setup(8, false);
	CHECK_EQ(virtq_add(&vq, &one, 1, d), 0);
	CHECK(dev_take());
	dev.pend_head[0] = 200;
	dev_complete(0);
	CHECK_EQ(virtq_get_used(&vq, &token, NULL), -L4_EIO);

	/* A used index that runs more than a queue ahead. */
	setup(8, false);
	CHECK_EQ(virtq_add(&vq, &one, 1, d), 0);
	dev.used->idx = 9;
	CHECK_EQ(virtq_get_used(&vq, &token, NULL), -L4_EIO);

	/* The same chain reported twice: the second is not in flight any more. */
	setup(8, false);
	CHECK_EQ(virtq_add(&vq, &one, 1, d), 0);
	CHECK(dev_take());
	dev.pend_head[1] = dev.pend_head[0];
	dev.pend_len[1] = 0;
	dev.npend = 2;
	dev_complete(0);
	dev_complete(0);
	CHECK_EQ(virtq_get_used(&vq, &token, NULL), 1);
	CHECK_EQ(virtq_get_used(&vq, &token, NULL), -L4_EIO);
	CHECK_EQ(vq.num_free, 8);
}

TEST(notify_suppression_flags)
{
	unsigned char d[16];
	struct virtq_buf one = buf(d, 16, false);

	setup(8, false);
	CHECK_EQ(virtq_add(&vq, &one, 1, d), 0);
	CHECK(virtq_kick_prepare(&vq));
	dev.used->flags = VIRTQ_USED_F_NO_NOTIFY;
	CHECK_EQ(virtq_add(&vq, &one, 1, d + 1), 0);
	CHECK(!virtq_kick_prepare(&vq));
	dev.used->flags = 0;
	CHECK_EQ(virtq_add(&vq, &one, 1, d + 2), 0);
	CHECK(virtq_kick_prepare(&vq));
}

TEST(notify_suppression_event_idx)
{
	unsigned char d[16];
	struct virtq_buf one = buf(d, 16, false);
	uint16_t *avail_event;

	setup(8, true);
	avail_event = (uint16_t *)&dev.used->ring[8];
	/* avail_event 0: the device wants to hear when entry 0 is made available. */
	CHECK_EQ(virtq_add(&vq, &one, 1, d), 0);
	CHECK(virtq_kick_prepare(&vq));
	/* The device took it and asks for a notification at entry 1... */
	CHECK(dev_take());
	CHECK_EQ(*avail_event, 1);
	/* ...but then says it polls until entry 3: adding entry 1 needs no kick. */
	*avail_event = 3;
	CHECK_EQ(virtq_add(&vq, &one, 1, d + 1), 0);
	CHECK(!virtq_kick_prepare(&vq));
	/* Entries 2 and 3 together pass the event: one kick. */
	CHECK_EQ(virtq_add(&vq, &one, 1, d + 2), 0);
	CHECK_EQ(virtq_add(&vq, &one, 1, d + 3), 0);
	CHECK(virtq_kick_prepare(&vq));
	/* Nothing new: no kick. */
	CHECK(!virtq_kick_prepare(&vq));
}

TEST(interrupt_suppression_flags)
{
	unsigned char d[16];
	struct virtq_buf one = buf(d, 16, true);
	void *token;

	setup(8, false);
	CHECK_EQ(virtq_add(&vq, &one, 1, d), 0);
	dev_run();
	CHECK_EQ(dev.interrupts, 1);
	CHECK_EQ(virtq_get_used(&vq, &token, NULL), 1);
	virtq_disable_intr(&vq);
	CHECK_EQ(vq.avail->flags, VIRTQ_AVAIL_F_NO_INTERRUPT);
	CHECK_EQ(virtq_add(&vq, &one, 1, d), 0);
	dev_run();
	CHECK_EQ(dev.interrupts, 1);
	/* Re-enabling reports the completion that came while disabled. */
	CHECK(virtq_enable_intr(&vq));
	CHECK_EQ(vq.avail->flags, 0);
	CHECK_EQ(virtq_get_used(&vq, &token, NULL), 1);
	CHECK(!virtq_enable_intr(&vq));
	CHECK_EQ(virtq_add(&vq, &one, 1, d), 0);
	dev_run();
	CHECK_EQ(dev.interrupts, 2);
}

TEST(interrupt_suppression_event_idx)
{
	unsigned char d[16];
	struct virtq_buf one = buf(d, 16, true);
	void *token;

	setup(8, true);
	/* used_event 0: interrupt on the first completion. */
	CHECK_EQ(virtq_add(&vq, &one, 1, d), 0);
	dev_run();
	CHECK_EQ(dev.interrupts, 1);
	/* Consuming it moves used_event on, so the next completion interrupts too. */
	CHECK_EQ(virtq_get_used(&vq, &token, NULL), 1);
	CHECK_EQ(vq.avail->ring[8], 1);
	CHECK_EQ(virtq_add(&vq, &one, 1, d), 0);
	dev_run();
	CHECK_EQ(dev.interrupts, 2);
	CHECK_EQ(virtq_get_used(&vq, &token, NULL), 1);
	/* Disabled: completions come silently; the flags field stays 0 (spec). */
	virtq_disable_intr(&vq);
	CHECK_EQ(vq.avail->flags, 0);
	for (int i = 0; i < 3; i++) {
		CHECK_EQ(virtq_add(&vq, &one, 1, d), 0);
		dev_run();
	}
	CHECK_EQ(dev.interrupts, 2);
	CHECK(virtq_enable_intr(&vq));
	while (virtq_get_used(&vq, &token, NULL) == 1)
		;
	CHECK_EQ(vq.avail->ring[8], 5);
	CHECK_EQ(virtq_add(&vq, &one, 1, d), 0);
	dev_run();
	CHECK_EQ(dev.interrupts, 3);
	check_integrity();
}
